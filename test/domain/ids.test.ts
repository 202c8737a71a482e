import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UuidSchema, uuidv7 } from '../../src/domain/ids';

describe('uuidv7', () => {
  it('makes a valid version 7, RFC-variant UUID carrying the time', () => {
    const id = uuidv7(0x0191_2345_6789, new Uint8Array(10).fill(0xff));
    expect(UuidSchema.safeParse(id).success).toBe(true);
    expect(id.startsWith('01912345-6789-7')).toBe(true);
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts by time whatever the random bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (t, gap, a, b) => uuidv7(t, a) < uuidv7(t + gap, b),
      ),
    );
  });

  it('refuses too little randomness or a bad time', () => {
    expect(() => uuidv7(1, new Uint8Array(4))).toThrow(/random/);
    expect(() => uuidv7(-1, new Uint8Array(10))).toThrow(/time/);
  });
});
