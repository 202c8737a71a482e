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

  it('accepts a recording of each section of the card, or of only one, when the manifest lists it', async () => {
    const { pack } = await makePack(['Sam'], { voice: true });
    expect(VisitPackSchema.parse(pack).candidates[0]!.voices).toEqual({
      appreciated: expect.stringMatching(/^[0-9a-f]{64}$/),
      mattersToMe: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const [sam] = pack.candidates;
    const onlyAppreciated = { ...pack, candidates: [{ ...sam!, voices: { appreciated: sam!.voices!.appreciated } }] };
    expect(VisitPackSchema.safeParse(onlyAppreciated).success).toBe(true);
  });

  it.each(['appreciated', 'mattersToMe'] as const)('refuses a pack whose %s recording is not in the manifest', async (section) => {
    const { pack } = await makePack(['Sam'], { voice: true });
    const missing = pack.candidates[0]!.voices![section]!;
    const result = VisitPackSchema.safeParse({ ...pack, files: pack.files.filter((f) => f.sha256 !== missing) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([`Sam's file ${missing} is not in the manifest`]);
  });

  it('refuses the old single voice and sections it does not know', async () => {
    const { pack } = await makePack(['Sam'], { voice: true });
    const [sam] = pack.candidates;
    const withOldVoice = { ...pack, candidates: [{ ...sam!, voice: sam!.voices!.appreciated }] };
    expect(VisitPackSchema.safeParse(withOldVoice).success).toBe(false);
    const withUnknownSection = { ...pack, candidates: [{ ...sam!, voices: { ...sam!.voices, interests: sam!.voices!.appreciated } }] };
    expect(VisitPackSchema.safeParse(withUnknownSection).success).toBe(false);
  });

  it('refuses more than four candidates', async () => {
    const { pack } = await makePack(['A', 'B', 'C', 'D', 'E']);
    expect(VisitPackSchema.safeParse(pack).success).toBe(false);
  });
});
