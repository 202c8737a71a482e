import { describe, expect, it } from 'vitest';
import { VisitPackSchema, packBytes } from '../../src/domain/visits';
import { makePack } from '../support/factories';

describe('VisitPackSchema', () => {
  it('accepts a pack whose every photo and film is in the manifest', async () => {
    const { pack } = await makePack();
    expect(VisitPackSchema.parse(pack)).toEqual(pack);
    expect(packBytes(pack)).toBe(pack.files.reduce((n, f) => n + f.bytes, 0));
  });

  it('refuses a pack that refers to a file it does not list', async () => {
    const { pack } = await makePack(['Sam']);
    const result = VisitPackSchema.safeParse({ ...pack, files: pack.files.slice(1) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Sam's file .* is not in the manifest/);
  });

  it('refuses more than four candidates', async () => {
    const { pack } = await makePack(['A', 'B', 'C', 'D', 'E']);
    expect(VisitPackSchema.safeParse(pack).success).toBe(false);
  });
});
