import { describe, expect, it } from 'vitest';
import { Dice, mulberry32 } from '../../../src/cli/bench/mulberry32';
import { syntheticOrganisation } from '../../../src/cli/bench/synthetic-organisation';
import { MatchPersonSchema, MatchStaffSchema } from '../../../src/domain/matching/scenario';

describe('the benchmark organisation', () => {
  it('is the same from the same seed', () => {
    const a = syntheticOrganisation(new Dice(mulberry32(7)), 50, 10);
    const b = syntheticOrganisation(new Dice(mulberry32(7)), 50, 10);
    expect(a).toEqual(b);
    expect(syntheticOrganisation(new Dice(mulberry32(8)), 50, 10)).not.toEqual(a);
  });

  it('is made of valid scenario records', () => {
    const { staff, people } = syntheticOrganisation(new Dice(mulberry32(1)), 300, 100);
    for (const member of staff) expect(MatchStaffSchema.safeParse(member).error?.issues ?? []).toEqual([]);
    for (const person of people) expect(MatchPersonSchema.safeParse(person).error?.issues ?? []).toEqual([]);
  });
});

describe('mulberry32', () => {
  it('gives numbers in [0, 1) and repeats from a seed', () => {
    const first = Array.from({ length: 1000 }, mulberry32(42));
    expect(Array.from({ length: 1000 }, mulberry32(42))).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
