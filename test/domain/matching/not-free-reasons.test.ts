import { describe, expect, it } from 'vitest';
import { rankCarers } from '../../../src/domain/matching/rank-carers';
import type { TimeWindow } from '../../../src/domain/matching/scenario';
import { makeCarer, makePerson } from './make-scenario';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const times = (starts: string[]): TimeWindow[] =>
  DAYS.flatMap((day) => starts.map((start) => ({ day, start, end: `${start.slice(0, 2)}:30` })));

describe('"not free" reasons', () => {
  it('name each missed time of day once, with its days grouped, for many carers alike', () => {
    const person = makePerson({ visits: times(['08:00', '12:00']) });
    const mornings = DAYS.map((day) => ({ day, start: '07:00', end: '10:00' }));
    const staff = ['ann', 'bea', 'cat'].map((id) => makeCarer({ id, availability: mornings }));
    const { excluded } = rankCarers(person, staff);
    expect(excluded.map((e) => e.reasons)).toEqual(Array(3).fill(['not free Monday to Sunday 12:00–12:30']));
  });

  it('are the same for a person needing more visits than the shortcut covers (over 30)', () => {
    const person = makePerson({ visits: times(['07:00', '09:00', '11:00', '13:00', '15:00']) }); // 35 visits
    expect(person.visits).toHaveLength(35);
    const weekdays = DAYS.slice(0, 5).map((day) => ({ day, start: '06:00', end: '23:00' }));
    const { excluded } = rankCarers(person, [makeCarer({ id: 'dee', availability: weekdays })]);
    expect(excluded[0]?.reasons).toEqual(
      ['07:00', '09:00', '11:00', '13:00', '15:00'].map((t) => `not free Saturday and Sunday ${t}–${t.slice(0, 2)}:30`),
    );
  });

  it('regression (property seed 1238008520): two days at the same time give one grouped reason', () => {
    const person = makePerson({ visits: [{ day: 'mon', start: '07:15', end: '10:00' }, { day: 'wed', start: '07:15', end: '10:00' }] });
    const afternoons = DAYS.map((day) => ({ day, start: '12:00', end: '18:00' }));
    const { excluded } = rankCarers(person, [makeCarer({ id: 'eve', availability: afternoons })]);
    expect(excluded[0]?.reasons).toEqual(['not free Monday and Wednesday 07:15–10:00']);
  });
});
