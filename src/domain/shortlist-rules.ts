import { canonicalJson } from './events';
import type { MatchSeen, PassedOverReason } from './match-runs';
import { SHORTLIST_MAX, SHORTLIST_MIN } from './match-runs';
import type { MatchResult, RankedCarer } from './matching/result';

/**
 * The rules for turning a match result into a home-visit shortlist. The app checks them before it
 * sends anything and the office checks them again on its own re-run, so both say the same thing.
 */

/** What the organiser saw of a result, in the form the office compares (see MatchSeenSchema). */
export function seenOf(result: MatchResult): MatchSeen {
  return {
    ranked: result.ranked.map((c) => ({ carerId: c.id, rank: c.rank })),
    excluded: result.excluded.map((c) => c.id).sort(),
  };
}

/** True when two results ranked the same carers in the same places and excluded the same carers. */
export function sameMatch(a: MatchSeen, b: MatchSeen): boolean {
  const normal = (s: MatchSeen) => canonicalJson({ ranked: s.ranked, excluded: [...s.excluded].sort() });
  return normal(a) === normal(b);
}

/**
 * Ranked carers the organiser skipped: above (better than) the lowest-ranked shortlisted carer but not
 * shortlisted themselves. Each needs a reason. Carers ranked below everyone shortlisted need none.
 */
export function passedOverCarers(ranked: readonly RankedCarer[], shortlist: readonly string[]): RankedCarer[] {
  const chosen = new Set(shortlist);
  const ranks = ranked.filter((c) => chosen.has(c.id)).map((c) => c.rank);
  if (ranks.length === 0) return [];
  const lowest = Math.max(...ranks);
  return ranked.filter((c) => !chosen.has(c.id) && c.rank < lowest);
}

export type ShortlistProblem =
  | { kind: 'too-few'; count: number }
  | { kind: 'too-many'; count: number }
  | { kind: 'not-ranked'; carerId: string; name: string | null; reasons: string[] }
  | { kind: 'reason-missing'; carer: RankedCarer }
  | { kind: 'reason-not-needed'; carerId: string; name: string | null };

/** Everything wrong with a shortlist for this result, in the order a person would fix it. */
export function shortlistProblems(
  result: MatchResult,
  shortlist: readonly string[],
  passedOver: readonly Pick<PassedOverReason, 'carerId'>[],
): ShortlistProblem[] {
  const problems: ShortlistProblem[] = [];
  const rankedIds = new Set(result.ranked.map((c) => c.id));
  const nameOf = (id: string) => [...result.ranked, ...result.excluded].find((c) => c.id === id)?.name ?? null;

  if (shortlist.length < SHORTLIST_MIN) problems.push({ kind: 'too-few', count: shortlist.length });
  if (shortlist.length > SHORTLIST_MAX) problems.push({ kind: 'too-many', count: shortlist.length });
  for (const id of shortlist) {
    if (rankedIds.has(id)) continue;
    const excluded = result.excluded.find((c) => c.id === id);
    problems.push({ kind: 'not-ranked', carerId: id, name: nameOf(id), reasons: excluded?.reasons ?? [] });
  }

  const needing = passedOverCarers(result.ranked, shortlist);
  const given = new Set(passedOver.map((p) => p.carerId));
  for (const carer of needing) {
    if (!given.has(carer.id)) problems.push({ kind: 'reason-missing', carer });
  }
  const needed = new Set(needing.map((c) => c.id));
  for (const { carerId } of passedOver) {
    if (!needed.has(carerId)) problems.push({ kind: 'reason-not-needed', carerId, name: nameOf(carerId) });
  }
  return problems;
}

/** One plain sentence per problem, e.g. "Say why Sam (ranked 1) was passed over." */
export function describeShortlistProblem(problem: ShortlistProblem): string {
  switch (problem.kind) {
    case 'too-few':
      return `Choose at least ${SHORTLIST_MIN} care workers for the home visit.`;
    case 'too-many':
      return `Choose at most ${SHORTLIST_MAX} care workers for the home visit.`;
    case 'not-ranked':
      if (problem.name === null) return 'The shortlist names someone who is not one of the care workers matched.';
      return problem.reasons.length > 0
        ? `${problem.name} cannot be shortlisted: ${problem.reasons.join('; ')}.`
        : `${problem.name} cannot be shortlisted: they are not among the care workers ranked.`;
    case 'reason-missing':
      return `Say why ${problem.carer.name} (ranked ${problem.carer.rank}) was passed over.`;
    case 'reason-not-needed':
      return `${problem.name ?? 'That care worker'} was not passed over, so there is no reason to give.`;
  }
}
