import { describe, expect, it } from 'vitest';
import { languageCode } from '../../../src/domain/matching/languages';
import { canonicalSkill } from '../../../src/domain/matching/skills';
import { hasAny, maskOf, staffColumns } from '../../../src/domain/matching/staff-columns';
import { makeCarer } from './make-scenario';

describe('staffColumns', () => {
  it('finds a skill or language among more than 32 distinct ones', () => {
    const many = Array.from({ length: 70 }, (_, i) => `skill ${i}`);
    const columns = staffColumns([
      makeCarer({ id: 'a', skills: many.slice(0, 30) }),
      makeCarer({ id: 'b', skills: [...many.slice(30, 58), 'skill 69', 'meds'] }),
      makeCarer({ id: 'c', skills: many.slice(58) }),
    ]);
    expect(columns.skills.words).toBe(3);
    const late = maskOf(columns.skills, ['skill 69']);
    expect([0, 1, 2].map((i) => hasAny(columns.skills, i, late))).toEqual([false, true, true]);
    const early = maskOf(columns.skills, ['skill 3']);
    expect([0, 1, 2].map((i) => hasAny(columns.skills, i, early))).toEqual([true, false, false]);
    expect(hasAny(columns.skills, 1, maskOf(columns.skills, [canonicalSkill('medication')]))).toBe(true);
  });

  it('compares canonical values, and matches nobody on a value no carer has', () => {
    const columns = staffColumns([makeCarer({ id: 'a', languages: ['English'] })]);
    expect(hasAny(columns.languages, 0, maskOf(columns.languages, [languageCode('Somali')]))).toBe(false);
    expect(hasAny(columns.languages, 0, maskOf(columns.languages, ['so', languageCode('EN')]))).toBe(true);
  });

  it('keeps each carer’s merged windows by day', () => {
    const columns = staffColumns([
      makeCarer({ id: 'a', availability: [{ day: 'tue', start: '09:00', end: '10:00' }, { day: 'tue', start: '10:00', end: '11:00' }] }),
    ]);
    const tuesday = Array.from(columns.windowMinutes.subarray(columns.dayStart[1]!, columns.dayStart[2]!));
    expect(tuesday).toEqual([540, 660]);
    expect(columns.dayStart[7]).toBe(2);
  });
});
