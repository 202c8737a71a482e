import { describe, expect, it } from 'vitest';
import { PlanVisitRequestSchema } from '../../src/domain/match-runs';
import type { MatchResult, RankedCarer } from '../../src/domain/matching/result';
import { describeShortlistProblem, passedOverCarers, sameMatch, seenOf, shortlistProblems } from '../../src/domain/shortlist-rules';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const carer = (n: number, name: string): RankedCarer => ({
  id: id(n),
  name,
  rank: n,
  personality: { score: 1, wanted: ['calm'], avoided: [], fit: 'good' },
  interests: { score: 0, shared: [] },
  why: 'Calm, as Hilda likes.',
});
const RESULT: MatchResult = {
  ranked: [carer(1, 'Sam'), carer(2, 'Bethan'), carer(3, 'Grace'), carer(4, 'Tom'), carer(5, 'Megan')],
  excluded: [{ id: id(9), name: 'Dan', reasons: ['not free Monday 08:00–08:45'] }],
  funnel: { considered: 6, available: 5, goodFit: 5, ranked: 5 },
};

describe('shortlist rules', () => {
  it('passes over only carers ranked above the lowest-ranked carer shortlisted', () => {
    expect(passedOverCarers(RESULT.ranked, [id(1), id(2), id(3)])).toEqual([]);
    expect(passedOverCarers(RESULT.ranked, [id(2), id(4), id(3)]).map((c) => c.name)).toEqual(['Sam']);
    expect(passedOverCarers(RESULT.ranked, [id(5), id(1), id(3)]).map((c) => c.name)).toEqual(['Bethan', 'Tom']);
    expect(passedOverCarers(RESULT.ranked, [])).toEqual([]);
  });

  it('names every problem in plain words', () => {
    const problems = shortlistProblems(RESULT, [id(2), id(3), id(9)], [{ carerId: id(5) }]);
    expect(problems.map(describeShortlistProblem)).toEqual([
      'Dan cannot be shortlisted: not free Monday 08:00–08:45.',
      'Say why Sam (ranked 1) was passed over.',
      'Megan was not passed over, so there is no reason to give.',
    ]);
    expect(shortlistProblems(RESULT, [id(1), id(2)], []).map(describeShortlistProblem)).toEqual(['Choose at least 3 care workers for the home visit.']);
    expect(shortlistProblems(RESULT, [id(2), id(3), id(4)], [{ carerId: id(1) }])).toEqual([]);
  });

  it('compares what the organiser saw with a re-run, whatever order the excluded ids came in', () => {
    const seen = seenOf(RESULT);
    expect(sameMatch(seen, { ...seen, excluded: [...seen.excluded].reverse() })).toBe(true);
    expect(sameMatch(seen, { ...seen, ranked: [...seen.ranked].reverse() })).toBe(false);
    expect(sameMatch(seen, { ...seen, excluded: [] })).toBe(false);
  });

  it('the request schema trims reasons and refuses duplicates', () => {
    const base = { personId: id(20), plannedAt: '2026-11-26T10:30:00Z', place: 'Home', seen: seenOf(RESULT) };
    const parsed = PlanVisitRequestSchema.parse({ ...base, shortlist: [id(2), id(3), id(4)], passedOver: [{ carerId: id(1), reason: '  On leave.  ' }] });
    expect(parsed.passedOver[0]!.reason).toBe('On leave.');
    expect(PlanVisitRequestSchema.safeParse({ ...base, shortlist: [id(2), id(2), id(4)], passedOver: [] }).success).toBe(false);
    const twice = [{ carerId: id(1), reason: 'On leave.' }, { carerId: id(1), reason: 'Also busy.' }];
    expect(PlanVisitRequestSchema.safeParse({ ...base, shortlist: [id(2), id(3), id(4)], passedOver: twice }).success).toBe(false);
  });
});
