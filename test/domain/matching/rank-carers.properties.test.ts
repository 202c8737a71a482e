import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesOf } from '../../../src/domain/matching/availability';
import { prepareStaff, rankCarers } from '../../../src/domain/matching/rank-carers';
import type { Day, MatchPerson, MatchStaff, TimeWindow } from '../../../src/domain/matching/scenario';
import { BISPHAM, makeCarer, makePerson } from './make-scenario';

const DAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const QUALITIES = ['calm', 'quiet', 'patient', 'great listener', 'good listener', 'chatty', 'lively', 'bubbly', 'fun', 'funny', 'kind', 'gentle', 'organised', 'loud', 'rushed', 'bossy'];
const INTERESTS = ['old movies', 'films', 'Cary Grant', 'Vera Lynn', '1940s music', 'Glenn Miller', 'Blackpool FC', 'football', 'cricket', 'knitting', 'crochet', 'gardening', 'cooking', 'tidy homes', 'walking by the sea', 'pigeon fancying', 'card games', 'music'];
const SKILLS = ['medication', 'meds', 'hoist', 'dementia care', 'manual handling'];
const LANGUAGES = ['en', 'English', 'cy', 'Welsh', 'pl'];
const NAMES = ['Sam', 'Grace', 'Bethan', 'Tom', 'sam', 'Priya'];

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const windowArb: fc.Arbitrary<TimeWindow> = fc
  .record({ day: fc.constantFrom(...DAYS), start: fc.integer({ min: 28, max: 84 }), quarters: fc.integer({ min: 1, max: 12 }) })
  .map(({ day, start, quarters }) => ({ day, start: clock(start * 15), end: clock(Math.min(start + quarters, 95) * 15) }));
const nearBispham = fc.record({ lat: fc.double({ min: -0.08, max: 0.08, noNaN: true }), lon: fc.double({ min: -0.12, max: 0.12, noNaN: true }) })
  .map((d) => ({ lat: BISPHAM.lat + d.lat, lon: BISPHAM.lon + d.lon }));
const some = <T>(items: T[], maxLength: number) => fc.uniqueArray(fc.constantFrom(...items), { maxLength });
// Weighted so that most generated carers pass the hard filter and the ranking itself gets exercised.
const usually = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) => fc.oneof({ arbitrary: common, weight: 3 }, { arbitrary: rare, weight: 1 });
const longDays = fc.subarray(DAYS, { minLength: 4 }).map((days) => days.map((day) => ({ day, start: '07:00', end: '21:30' })));

const carerArb = (id: string): fc.Arbitrary<MatchStaff> =>
  fc.record({
    name: fc.constantFrom(...NAMES),
    gender: usually(fc.constant('woman' as const), fc.constantFrom('man' as const, 'non-binary' as const)),
    availability: usually(longDays, fc.array(windowArb, { maxLength: 8 })),
    location: nearBispham,
    travelKm: fc.option(fc.integer({ min: 3, max: 25 }), { nil: undefined }),
    drives: fc.option(fc.boolean(), { nil: undefined }),
    qualities: some(QUALITIES, 4),
    interests: some(INTERESTS, 5),
    skills: some(SKILLS, 3),
    languages: usually(fc.constantFrom<string[]>(['en'], ['English', 'Welsh']), some(LANGUAGES, 2)),
  }).map((fields) => makeCarer({ id, ...fields }));

const staffArb = fc.integer({ min: 0, max: 10 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => carerArb(`c${i}`))));

const personArb: fc.Arbitrary<MatchPerson> = fc
  .record({
    visits: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    location: nearBispham,
    wants: some(QUALITIES, 3),
    avoids: some(QUALITIES, 2),
    interests: some(INTERESTS, 5),
    needsSkills: usually(fc.constant<string[]>([]), some(SKILLS, 1)),
    languages: usually(fc.constant<string[]>([]), some(LANGUAGES, 1)),
    personalCareBy: usually(fc.constant(null), fc.constantFrom('woman' as const, 'man' as const)),
  })
  .map((fields) => makePerson(fields));

/** The slow, obvious availability rule: every minute of the visit is inside some window that day. */
function freeFor(carer: MatchStaff, visit: TimeWindow): boolean {
  for (let m = minutesOf(visit.start); m < minutesOf(visit.end); m += 1) {
    const covered = carer.availability.some((w) => w.day === visit.day && minutesOf(w.start) <= m && m + 1 <= minutesOf(w.end));
    if (!covered) return false;
  }
  return true;
}

describe('rankCarers properties', () => {
  it('never ranks an excluded carer; everyone is either ranked or excluded with a reason', () => {
    fc.assert(
      fc.property(personArb, staffArb, (person, staff) => {
        const result = rankCarers(person, staff);
        const ranked = result.ranked.map((c) => c.id);
        const excluded = result.excluded.map((c) => c.id);
        expect(ranked.filter((id) => excluded.includes(id))).toEqual([]);
        expect([...ranked, ...excluded].sort()).toEqual(staff.map((c) => c.id).sort());
        expect(result.excluded.every((c) => c.reasons.length > 0)).toBe(true);
        expect(result.ranked.map((c) => c.rank)).toEqual(ranked.map((_, i) => i + 1));
        expect(result.funnel).toMatchObject({ considered: staff.length, available: ranked.length, ranked: ranked.length });
      }),
    );
  });

  it('excludes for availability exactly when a minute of a visit is not covered', () => {
    fc.assert(
      fc.property(personArb, staffArb, (person, staff) => {
        const result = rankCarers(person, staff);
        for (const carer of staff) {
          const notFree = (result.excluded.find((e) => e.id === carer.id)?.reasons ?? []).filter((r) => r.startsWith('not free'));
          // One reason per missed time of day, its days grouped ("not free Monday and Wednesday 07:15–10:00").
          const missedTimes = new Set(person.visits.filter((v) => !freeFor(carer, v)).map((v) => `${v.start}–${v.end}`));
          expect(notFree).toHaveLength(missedTimes.size);
          for (const time of missedTimes) expect(notFree.some((r) => r.endsWith(` ${time}`))).toBe(true);
        }
      }),
    );
  });

  it('never lowers a carer’s rank when they gain an interest', () => {
    fc.assert(
      fc.property(personArb, staffArb, fc.nat(), fc.constantFrom(...INTERESTS), (person, staff, pick, interest) => {
        const before = rankCarers(person, staff);
        fc.pre(before.ranked.length > 0);
        const target = before.ranked[pick % before.ranked.length]!;
        const shared = person.interests.length > 0 ? person.interests[pick % person.interests.length]! : interest;
        for (const added of [shared, interest]) {
          const more = staff.map((c) => (c.id === target.id ? { ...c, interests: [...c.interests, added] } : c));
          const after = rankCarers(person, more).ranked.find((c) => c.id === target.id)!;
          expect(after.rank).toBeLessThanOrEqual(target.rank);
        }
      }),
    );
  });

  it('always ranks a better personality fit above more shared interests', () => {
    fc.assert(
      fc.property(personArb, staffArb, (person, staff) => {
        const { ranked } = rankCarers(person, staff);
        for (const a of ranked) {
          for (const b of ranked) {
            if (a.personality.score > b.personality.score) expect(a.rank).toBeLessThan(b.rank);
          }
        }
      }),
    );
  });

  it('puts a carer with one quality the person likes above one who shares every interest', () => {
    fc.assert(
      fc.property(personArb, staffArb, (person, staff) => {
        fc.pre(person.wants.length > 0 && person.interests.length > 0);
        const open = { availability: person.visits, location: person.location, skills: person.needsSkills, languages: person.languages, gender: person.personalCareBy ?? 'woman' };
        const liked = makeCarer({ id: 'liked', name: 'Zed', ...open, qualities: [person.wants[0]!] });
        const sharer = makeCarer({ id: 'sharer', name: 'Abe', ...open, interests: person.interests });
        const { ranked } = rankCarers(person, [...staff, sharer, liked]);
        const rankOf = (id: string) => ranked.find((c) => c.id === id)!.rank;
        fc.pre(ranked.find((c) => c.id === 'liked')!.personality.score > 0);
        expect(rankOf('liked')).toBeLessThan(rankOf('sharer'));
      }),
    );
  });

  it('gives the same result, deep-equal, however the staff list is ordered', () => {
    fc.assert(
      fc.property(personArb, staffArb.chain((staff) => fc.tuple(fc.constant(staff), fc.shuffledSubarray(staff, { minLength: staff.length }))), (person, [staff, shuffled]) => {
        expect(rankCarers(person, shuffled)).toEqual(rankCarers(person, staff));
        expect(rankCarers(person, prepareStaff(shuffled))).toEqual(rankCarers(person, staff));
      }),
    );
  });
});
