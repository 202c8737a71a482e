import { describe, expect, it } from 'vitest';
import { prepareStaff, rankCarers } from '../../../src/domain/matching/rank-carers';
import { loadScenario, makeCarer, makePerson } from './make-scenario';

const reasonsFor = (id: string, result: ReturnType<typeof rankCarers>) => result.excluded.find((e) => e.id === id)?.reasons;
const order = (result: ReturnType<typeof rankCarers>) => result.ranked.map((c) => c.id);

describe('step 1: availability is a hard filter with plain reasons', () => {
  it('excludes a carer who is not free for a visit, naming the day and time', () => {
    const person = makePerson({ visits: [{ day: 'mon', start: '08:00', end: '08:45' }, { day: 'wed', start: '08:00', end: '08:45' }] });
    const carer = makeCarer({ id: 'sam', availability: [{ day: 'wed', start: '07:00', end: '12:00' }] });
    expect(reasonsFor('sam', rankCarers(person, [carer]))).toEqual(['not free Monday 08:00–08:45']);
  });

  it('accepts touching windows on the same day as one', () => {
    const person = makePerson({ visits: [{ day: 'tue', start: '09:45', end: '10:30' }] });
    const carer = makeCarer({ id: 'sam', availability: [{ day: 'tue', start: '09:00', end: '10:00' }, { day: 'tue', start: '10:00', end: '11:00' }] });
    expect(rankCarers(person, [carer]).ranked).toHaveLength(1);
  });

  it('excludes a carer beyond their travel range, in whole km', () => {
    const person = makePerson();
    const farAway = makeCarer({ id: 'priya', location: { lat: 53.74, lon: -2.96 }, travelKm: 8 });
    expect(reasonsFor('priya', rankCarers(person, [farAway]))).toEqual(['13 km away; travels up to 8 km']);
  });

  it('gives carers who do not drive a smaller default range, but respects a range they state', () => {
    const person = makePerson();
    const sixKm = { lat: 53.848 - 6 / 111.2, lon: -3.045 };
    expect(rankCarers(person, [makeCarer({ id: 'a', location: sixKm })]).ranked).toHaveLength(1);
    expect(reasonsFor('b', rankCarers(person, [makeCarer({ id: 'b', location: sixKm, drives: false })]))).toEqual(['6 km away; travels up to 5 km']);
    expect(rankCarers(person, [makeCarer({ id: 'c', location: sixKm, drives: false, travelKm: 7 })]).ranked).toHaveLength(1);
  });

  it('excludes a carer without a skill the care needs, accepting synonyms', () => {
    const person = makePerson({ needsSkills: ['hoist', 'Medication'] });
    const result = rankCarers(person, [makeCarer({ id: 'a', skills: ['meds'] }), makeCarer({ id: 'b', skills: ['hoist', 'medication administration'] })]);
    expect(reasonsFor('a', result)).toEqual(["doesn't have the skill: hoist"]);
    expect(order(result)).toEqual(['b']);
  });

  it('excludes a carer who speaks none of the languages the person needs', () => {
    const person = makePerson({ languages: ['cy'] });
    const result = rankCarers(person, [makeCarer({ id: 'a', languages: ['en'] }), makeCarer({ id: 'b', languages: ['en', 'Welsh'] })]);
    expect(reasonsFor('a', result)).toEqual(["doesn't speak Welsh"]);
    expect(order(result)).toEqual(['b']);
    const either = rankCarers(makePerson({ languages: ['pa', 'ur'] }), [makeCarer({ id: 'c', languages: ['en'] })]);
    expect(reasonsFor('c', either)).toEqual(["doesn't speak Punjabi or Urdu"]);
  });

  it('respects who the person would like personal care from', () => {
    const person = makePerson({ personalCareBy: 'woman' });
    const result = rankCarers(person, [makeCarer({ id: 'tom', gender: 'man' }), makeCarer({ id: 'grace', gender: 'woman' })]);
    expect(reasonsFor('tom', result)).toEqual(['Hilda would like personal care from a woman']);
    expect(order(result)).toEqual(['grace']);
    expect(rankCarers(makePerson({ personalCareBy: null }), [makeCarer({ id: 'tom', gender: 'man' })]).ranked).toHaveLength(1);
  });

  it('gives every reason, in the practice’s order', () => {
    const person = makePerson({ needsSkills: ['hoist'], languages: ['en'], personalCareBy: 'woman' });
    const carer = makeCarer({ id: 'dan', gender: 'man', availability: [], location: { lat: 53.76, lon: -2.7 }, drives: false, skills: [], languages: ['pl'] });
    expect(reasonsFor('dan', rankCarers(person, [carer]))).toEqual([
      'not free Monday 09:30–10:15',
      '25 km away; travels up to 5 km',
      "doesn't have the skill: hoist",
      "doesn't speak English",
      'Hilda would like personal care from a woman',
    ]);
  });
});

describe('steps 2 and 3: personality, then shared interests', () => {
  it('ranks a better personality fit above any number of shared interests', () => {
    const person = makePerson({ wants: ['calm'], interests: ['old movies', 'Cary Grant', 'Vera Lynn', 'singing'] });
    const calm = makeCarer({ id: 'sam', qualities: ['calm'] });
    const sharesEverything = makeCarer({ id: 'jade', interests: ['old movies', 'Cary Grant', 'Vera Lynn', 'singing'] });
    expect(order(rankCarers(person, [sharesEverything, calm]))).toEqual(['sam', 'jade']);
  });

  it('ranks by shared interests when personality fits equally, exact above near', () => {
    const person = makePerson({ wants: ['calm'], interests: ['old movies'] });
    const staff = [
      makeCarer({ id: 'near', qualities: ['calm'], interests: ['films'] }),
      makeCarer({ id: 'exact', qualities: ['calm'], interests: ['old films'] }),
      makeCarer({ id: 'none', qualities: ['calm'], interests: ['darts'] }),
    ];
    expect(order(rankCarers(person, staff))).toEqual(['exact', 'near', 'none']);
  });

  it('breaks exact ties by name, then id, whatever the input order', () => {
    const person = makePerson();
    const staff = [makeCarer({ id: 'b2', name: 'Bea' }), makeCarer({ id: 'a1', name: 'Zoe' }), makeCarer({ id: 'b1', name: 'Bea' }), makeCarer({ id: 'c1', name: 'amy' })];
    expect(order(rankCarers(person, staff))).toEqual(['c1', 'b1', 'b2', 'a1']);
    expect(rankCarers(person, staff).ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
  });
});

describe('rankCarers', () => {
  it('gives the same result from prepared staff as from the list', () => {
    const { person, staff } = loadScenario('hilda');
    expect(rankCarers(person, prepareStaff(staff))).toEqual(rankCarers(person, staff));
  });

  it('returns only the best few with a limit, still counting everyone', () => {
    const { person, staff } = loadScenario('hilda');
    const all = rankCarers(person, staff);
    const top = rankCarers(person, staff, { limit: 2 });
    expect(top.ranked).toEqual(all.ranked.slice(0, 2));
    expect(top.excluded).toEqual(all.excluded);
    expect(top.funnel).toEqual(all.funnel);
  });

  it('handles an empty staff list', () => {
    expect(rankCarers(makePerson(), [])).toEqual({ ranked: [], excluded: [], funnel: { considered: 0, available: 0, goodFit: 0, ranked: 0 } });
  });

  it('counts the funnel, treating everyone without an avoided quality as a good fit when the person names no wants', () => {
    const staff = [makeCarer({ id: 'a', qualities: ['calm'] }), makeCarer({ id: 'b', qualities: ['loud'] }), makeCarer({ id: 'c', availability: [] })];
    expect(rankCarers(makePerson({ wants: ['calm'], avoids: ['loud'] }), staff).funnel).toEqual({ considered: 3, available: 2, goodFit: 1, ranked: 2 });
    expect(rankCarers(makePerson({ avoids: ['loud'] }), staff).funnel.goodFit).toBe(1);
    expect(rankCarers(makePerson(), staff).funnel.goodFit).toBe(2);
  });
});
