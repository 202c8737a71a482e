import { describe, expect, it } from 'vitest';
import {
  addDays,
  CalendarDateSchema,
  ChoiceReportQuerySchema,
  ChoiceReportSchema,
  computeChoiceReport,
  dateRangeProblem,
  daysBetween,
  funnelLeftOut,
  londonDateOf,
  medianOf,
  reportRangeOf,
  type ReportVisit,
} from '../../src/domain/evidence';
import type { MatchResult, RankedCarer } from '../../src/domain/matching/result';

const SAM = '00000000-0000-4000-8000-0000000000a1';
const GRACE = '00000000-0000-4000-8000-0000000000a2';
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

let visitCounter = 0;
/** A visit in November where the person chose Sam, the top match, by touch, referred on 1 November. */
function chosenVisit(overrides: Omit<Partial<ReportVisit>, 'decision'> & { decision?: Partial<NonNullable<ReportVisit['decision']>> } = {}): ReportVisit {
  const { decision, ...rest } = overrides;
  visitCounter += 1;
  return {
    visitId: `visit-${visitCounter}`,
    topMatchCarerId: SAM,
    referredOn: '2026-11-01',
    ...rest,
    decision: { outcome: 'chosen', chosenCarerId: SAM, indicatedBy: 'person-by-touch', decidedAt: '2026-11-11T10:30:00.000Z', ...decision },
  };
}
const notChosen = (outcome: 'meet-first' | 'none-of-these' | 'not-sure-yet', decidedAt = '2026-11-12T10:00:00.000Z'): ReportVisit =>
  chosenVisit({ decision: { outcome, chosenCarerId: null, decidedAt } });

describe('computeChoiceReport', () => {
  it('is all zeros, with no median, over a range with no decisions', () => {
    const report = computeChoiceReport(NOVEMBER, []);
    expect(ChoiceReportSchema.parse(report)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      decided: 0,
      outcomes: { chosen: 0, meetFirst: 0, noneOfThese: 0, notSureYet: 0 },
      chosenHow: { byThemselves: 0, withSupporter: 0, byFamily: 0, notRecorded: 0 },
      topMatch: { picked: 0, otherPicked: 0, withoutMatchRun: 0 },
      referralToChoice: { measured: 0, medianDays: null, shortestDays: null, longestDays: null, noReferralDate: 0, referredAfterChoice: 0 },
    });
  });

  it('counts each outcome, and how each choice was indicated', () => {
    const report = computeChoiceReport(NOVEMBER, [
      chosenVisit(),
      chosenVisit({ decision: { indicatedBy: 'person-by-eye-gaze' } }),
      chosenVisit({ decision: { indicatedBy: 'person-with-supporter' } }),
      chosenVisit({ decision: { indicatedBy: 'family-on-their-behalf' } }),
      chosenVisit({ decision: { indicatedBy: null } }),
      notChosen('meet-first'),
      notChosen('meet-first'),
      notChosen('none-of-these'),
      notChosen('not-sure-yet'),
    ]);
    expect(report.decided).toBe(9);
    expect(report.outcomes).toEqual({ chosen: 5, meetFirst: 2, noneOfThese: 1, notSureYet: 1 });
    expect(report.chosenHow).toEqual({ byThemselves: 2, withSupporter: 1, byFamily: 1, notRecorded: 1 });
  });

  it('counts only visits with a current outcome: one whose only outcome was withdrawn has none and is not counted', () => {
    const withdrawn: ReportVisit = { visitId: 'withdrawn', decision: null, topMatchCarerId: SAM, referredOn: '2026-11-01' };
    const report = computeChoiceReport(NOVEMBER, [withdrawn, chosenVisit()]);
    expect(report.decided).toBe(1);
    expect(report.outcomes.chosen).toBe(1);
    expect(report.referralToChoice.measured).toBe(1);
  });

  it('counts the days at both ends of the range, by the UK calendar, and nothing outside it', () => {
    const report = computeChoiceReport(NOVEMBER, [
      chosenVisit({ decision: { decidedAt: '2026-11-01T00:10:00.000Z' } }), // 1 November in the UK (GMT)
      chosenVisit({ decision: { decidedAt: '2026-11-30T23:59:00.000Z' } }),
      chosenVisit({ decision: { decidedAt: '2026-10-31T23:59:00.000Z' } }),
      chosenVisit({ decision: { decidedAt: '2026-12-01T00:00:00.000Z' } }),
    ]);
    expect(report.decided).toBe(2);
    // In summer, 23:30 UTC on 30 June is already 1 July in the UK.
    const july = computeChoiceReport({ from: '2026-07-01', to: '2026-07-31' }, [chosenVisit({ decision: { decidedAt: '2026-06-30T23:30:00.000Z' } })]);
    expect(july.decided).toBe(1);
  });

  it("counts the top match as picked only when the chosen carer is the match run's rank-1 carer; visits without a match run apart", () => {
    const report = computeChoiceReport(NOVEMBER, [
      chosenVisit(),
      chosenVisit({ decision: { chosenCarerId: GRACE } }),
      chosenVisit({ topMatchCarerId: null }),
      chosenVisit({ topMatchCarerId: null, decision: { chosenCarerId: GRACE } }),
      // Not a choice: whatever the match said, it is not counted either way.
      { ...notChosen('none-of-these'), topMatchCarerId: SAM },
    ]);
    expect(report.topMatch).toEqual({ picked: 1, otherPicked: 1, withoutMatchRun: 2 });
  });

  it('measures the days from referral to choice: the median of an even count is halfway between the middle two', () => {
    const report = computeChoiceReport(NOVEMBER, [
      chosenVisit({ referredOn: '2026-11-01', decision: { decidedAt: '2026-11-05T10:00:00.000Z' } }), // 4 days
      chosenVisit({ referredOn: '2026-10-22', decision: { decidedAt: '2026-11-11T10:00:00.000Z' } }), // 20 days
      chosenVisit({ referredOn: '2026-11-10', decision: { decidedAt: '2026-11-17T10:00:00.000Z' } }), // 7 days
      chosenVisit({ referredOn: '2026-11-20', decision: { decidedAt: '2026-11-20T16:00:00.000Z' } }), // 0 days
      chosenVisit({ referredOn: null }),
      chosenVisit({ referredOn: null }),
      chosenVisit({ referredOn: '2026-11-25', decision: { decidedAt: '2026-11-20T10:00:00.000Z' } }), // a mistake in the records
      { ...notChosen('not-sure-yet'), referredOn: '2026-01-01' }, // not a choice: not measured
    ]);
    expect(report.referralToChoice).toEqual({
      measured: 4,
      medianDays: 5.5,
      shortestDays: 0,
      longestDays: 20,
      noReferralDate: 2,
      referredAfterChoice: 1,
    });
  });
});

describe('medianOf', () => {
  it('is the middle value of an odd count, halfway between the middle two of an even count, and null for none', () => {
    expect(medianOf([9, 1, 5])).toBe(5);
    expect(medianOf([10, 2, 4, 8])).toBe(6);
    expect(medianOf([3, 4])).toBe(3.5);
    expect(medianOf([])).toBeNull();
  });
});

describe('date ranges', () => {
  it('defaults to the 90 days up to today, and to 90 days up to the last day given', () => {
    expect(reportRangeOf({}, '2026-11-25')).toEqual({ from: '2026-08-28', to: '2026-11-25' });
    expect(daysBetween('2026-08-28', '2026-11-25') + 1).toBe(90);
    expect(reportRangeOf({ to: '2026-03-31' }, '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(reportRangeOf({ from: '2026-11-01' }, '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  });

  it('refuses a range that ends before it starts, or is longer than three years, in plain words', () => {
    expect(dateRangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('The first day must be on or before the last day.');
    expect(dateRangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(dateRangeProblem({ from: '2023-11-26', to: '2026-11-25' })).toBeNull();
    expect(dateRangeProblem({ from: '2020-01-01', to: '2026-11-25' })).toBe('The dates can be at most 3 years apart. Choose a shorter range.');
  });

  it('takes only real calendar dates', () => {
    expect(CalendarDateSchema.safeParse('2028-02-29').success).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '1 November', '2026-11-1', '']) {
      expect(CalendarDateSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(ChoiceReportQuerySchema.safeParse({ from: '2026-11-01', colour: 'red' }).success).toBe(false);
  });

  it('counts days and UK calendar dates across the clocks changing', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(londonDateOf('2026-03-29T23:30:00.000Z')).toBe('2026-03-30');
    expect(londonDateOf('2026-01-15T23:30:00.000Z')).toBe('2026-01-15');
  });
});

describe('funnelLeftOut', () => {
  const ranked = (name: string, rank: number, personality: Partial<RankedCarer['personality']>): RankedCarer => ({
    id: `00000000-0000-4000-8000-00000000000${rank}`,
    name,
    rank,
    personality: { score: 0, wanted: [], avoided: [], fit: 'neutral', ...personality },
    interests: { score: 0, shared: [] },
    why: `${name} is ranked ${rank}`,
  });
  const result = (goodFit: number, carers: RankedCarer[]): MatchResult => ({
    ranked: carers,
    excluded: [{ id: '00000000-0000-4000-8000-0000000000f1', name: 'Tom', reasons: ['not free Monday 08:00–08:45'] }],
    funnel: { considered: carers.length + 1, available: carers.length, goodFit, ranked: carers.length },
  });

  it('lists who the hard filter left out with its reasons, and who was not a good personality fit with why', () => {
    const left = funnelLeftOut(
      result(1, [
        ranked('Sam', 1, { fit: 'good', wanted: ['calm'], score: 1 }),
        ranked('Bethan', 2, { fit: 'neutral' }),
        ranked('Grace', 3, { fit: 'poor', avoided: ['loud', 'lively'], score: -4 }),
      ]),
      'Hilda',
    );
    expect(left.notAvailable).toEqual([{ carerId: '00000000-0000-4000-8000-0000000000f1', name: 'Tom', reasons: ['not free Monday 08:00–08:45'] }]);
    expect(left.notGoodFit.map((c) => [c.name, c.rank, c.reason])).toEqual([
      ['Bethan', 2, 'none of the qualities Hilda gets on with'],
      ['Grace', 3, 'Hilda does not get on with: loud, lively'],
    ]);
  });

  it('counts neutral carers as a good fit when the person names no qualities they get on with, as the engine does', () => {
    const left = funnelLeftOut(result(1, [ranked('Bethan', 1, { fit: 'neutral' }), ranked('Grace', 2, { fit: 'poor', avoided: ['loud'] })]), 'Peter');
    expect(left.notGoodFit.map((c) => c.name)).toEqual(['Grace']);
  });
});
