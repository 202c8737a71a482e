import type { ResolvedInterest } from '../interests/resolve-interest';
import { matchInterests, type InterestProbe, type InterestMatch } from '../interests/similarity';
import type { InterestFit, SharedInterest } from './result';

/** Interest points are hundredths in the result: an exact match is 1, "old movies" ~ "films" 0.6. */
const POINTS_PER_SCORE_UNIT = 100;

interface Pair extends InterestMatch {
  person: number;
  carer: number;
}

/**
 * Shared interests between the person (probes, one per interest) and a carer.
 *
 * Score: every interest on each side counts once, at its best match; the score is the smaller of the
 * two sides' totals. So one broad interest ("music") can't count again for each of five specific ones,
 * and adding an interest on either side never lowers the score.
 *
 * Shared list: the best pairs, each interest used at most once, best first, then in the person's order.
 */
export function interestFit(person: readonly InterestProbe[], carer: readonly ResolvedInterest[]): InterestFit {
  const pairs: Pair[] = [];
  const bestForCarer = new Array<number>(carer.length).fill(0);
  let personTotal = 0;
  for (let p = 0; p < person.length; p += 1) {
    let best = 0;
    for (let c = 0; c < carer.length; c += 1) {
      const match = matchInterests(person[p]!, carer[c]!);
      if (match === null) continue;
      pairs.push({ ...match, person: p, carer: c });
      if (match.points > best) best = match.points;
      if (match.points > bestForCarer[c]!) bestForCarer[c] = match.points;
    }
    personTotal += best;
  }
  if (pairs.length === 0) return { score: 0, shared: [] };
  const carerTotal = bestForCarer.reduce((sum, points) => sum + points, 0);
  return {
    score: Math.min(personTotal, carerTotal) / POINTS_PER_SCORE_UNIT,
    shared: sharedList(pairs, person, carer),
  };
}

function sharedList(pairs: Pair[], person: readonly InterestProbe[], carer: readonly ResolvedInterest[]): SharedInterest[] {
  pairs.sort((a, b) => b.points - a.points || a.person - b.person || a.carer - b.carer);
  const personUsed = new Set<number>();
  const carerUsed = new Set<number>();
  const shared: SharedInterest[] = [];
  for (const pair of pairs) {
    if (personUsed.has(pair.person) || carerUsed.has(pair.carer)) continue;
    personUsed.add(pair.person);
    carerUsed.add(pair.carer);
    const item: SharedInterest = { person: person[pair.person]!.interest.words, carer: carer[pair.carer]!.words, kind: pair.kind };
    if (pair.via !== undefined) item.via = pair.via;
    shared.push(item);
  }
  return shared;
}
