import { describe, expect, it } from 'vitest';
import { covers, minutesOf, notFreeReasons, visitNeeds, weekMinutes } from '../../../src/domain/matching/availability';
import type { TimeWindow } from '../../../src/domain/matching/scenario';

const need = (w: TimeWindow) => visitNeeds([w])[0]!;

describe('availability', () => {
  it('reads times as minutes after midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('08:45')).toBe(525);
    expect(minutesOf('23:59')).toBe(1439);
  });

  it('covers a visit only when one window holds all of it', () => {
    const week = weekMinutes([{ day: 'mon', start: '08:00', end: '12:00' }]);
    expect(covers(week, need({ day: 'mon', start: '08:00', end: '12:00' }))).toBe(true);
    expect(covers(week, need({ day: 'mon', start: '09:30', end: '10:15' }))).toBe(true);
    expect(covers(week, need({ day: 'mon', start: '07:45', end: '08:30' }))).toBe(false);
    expect(covers(week, need({ day: 'mon', start: '11:45', end: '12:15' }))).toBe(false);
    expect(covers(week, need({ day: 'tue', start: '09:30', end: '10:15' }))).toBe(false);
  });

  it('merges touching and overlapping windows on the same day', () => {
    const week = weekMinutes([
      { day: 'wed', start: '10:00', end: '11:00' },
      { day: 'wed', start: '09:00', end: '10:00' },
      { day: 'wed', start: '10:30', end: '12:00' },
    ]);
    expect(week[2]).toEqual([540, 720]);
    expect(covers(week, need({ day: 'wed', start: '09:30', end: '11:30' }))).toBe(true);
  });

  it('keeps a gap between windows a gap', () => {
    const week = weekMinutes([
      { day: 'fri', start: '08:00', end: '09:00' },
      { day: 'fri', start: '09:15', end: '10:00' },
    ]);
    expect(week[4]).toEqual([480, 540, 555, 600]);
    expect(covers(week, need({ day: 'fri', start: '08:30', end: '09:30' }))).toBe(false);
  });

  it('says which visit a carer is not free for, with the day written out', () => {
    expect(notFreeReasons([need({ day: 'mon', start: '08:00', end: '08:45' })])).toEqual(['not free Monday 08:00–08:45']);
  });

  it('groups the days of one time of day, so a week of missed mornings is one reason', () => {
    const weekdays = visitNeeds(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((day) => [
        { day, start: '08:00', end: '08:45' },
        { day, start: '18:00', end: '18:30' },
      ]),
    );
    expect(notFreeReasons(weekdays)).toEqual(['not free Monday to Friday 08:00–08:45', 'not free Monday to Friday 18:00–18:30']);
    const some = visitNeeds([
      { day: 'fri', start: '08:00', end: '08:45' },
      { day: 'mon', start: '08:00', end: '08:45' },
      { day: 'wed', start: '08:00', end: '08:45' },
    ]);
    expect(notFreeReasons(some)).toEqual(['not free Monday, Wednesday and Friday 08:00–08:45']);
    expect(notFreeReasons(some.slice(0, 2))).toEqual(['not free Monday and Wednesday 08:00–08:45']);
  });

  it('lists visits once each, Monday to Sunday', () => {
    const needs = visitNeeds([
      { day: 'sun', start: '17:00', end: '17:30' },
      { day: 'mon', start: '09:30', end: '10:15' },
      { day: 'mon', start: '09:30', end: '10:15' },
      { day: 'mon', start: '08:00', end: '08:30' },
    ]);
    expect(needs.map((n) => [n.day, n.window])).toEqual([
      [0, '08:00–08:30'],
      [0, '09:30–10:15'],
      [6, '17:00–17:30'],
    ]);
  });
});
