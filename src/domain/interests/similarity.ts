import { INTEREST_GRAPH, MAX_GRAPH_DISTANCE, type ConceptGraph } from './concept-graph';
import { resolveInterest, type ResolvedInterest } from './resolve-interest';

/** Points for the same interest: the same words after normalisation, or the same concept. */
export const EXACT_MATCH_POINTS = 100;

/**
 * Points for a near match, by the number of steps between the two interests through their closest
 * shared concept: "old movies" ~ "films" is 1 step, "knitting" ~ "crochet" (both "needlecraft") 2,
 * "Vera Lynn" ~ "Frank Sinatra" (both "golden oldies") 4. Always less than an exact match.
 */
export const NEAR_MATCH_POINTS: readonly number[] = [EXACT_MATCH_POINTS, 60, 45, 30, 15];

export interface InterestMatch {
  points: number;
  kind: 'exact' | 'near';
  /** For a near match: the preferred label of the concept that links them. */
  via?: string;
}

/**
 * One interest with a distance table over the whole graph, so comparing it with thousands of other
 * interests is a handful of array reads each. Build one per person interest, not per comparison.
 */
export interface InterestProbe {
  readonly interest: ResolvedInterest;
  /** Distance from this interest up to each concept; -1 where it does not reach. */
  readonly distances: Int8Array;
}

export function makeProbe(interest: ResolvedInterest, graph: ConceptGraph = INTEREST_GRAPH): InterestProbe {
  const distances = new Int8Array(graph.labels.length).fill(-1);
  interest.reachConcepts.forEach((concept, i) => {
    distances[concept] = interest.reachDistances[i]!;
  });
  return { interest, distances };
}

/**
 * How closely two interests match, or null when they don't. Two interests that only meet at a theme
 * ("music", "sport") are unrelated; an interest that IS the theme still matches its narrower terms
 * ("sport" ~ "football").
 */
export function matchInterests(
  probe: InterestProbe,
  other: ResolvedInterest,
  graph: ConceptGraph = INTEREST_GRAPH,
): InterestMatch | null {
  const mine = probe.interest;
  if (mine.text !== '' && mine.text === other.text) return { points: EXACT_MATCH_POINTS, kind: 'exact' };
  if (mine.concept >= 0 && mine.concept === other.concept) return { points: EXACT_MATCH_POINTS, kind: 'exact' };
  let bestDistance = MAX_GRAPH_DISTANCE + 1;
  let bestConcept = -1;
  const concepts = other.reachConcepts;
  for (let i = 0; i < concepts.length; i += 1) {
    const concept = concepts[i]!;
    const mineToConcept = probe.distances[concept]!;
    if (mineToConcept < 0) continue;
    const otherToConcept = other.reachDistances[i]!;
    if (graph.isTheme[concept] && mineToConcept > 0 && otherToConcept > 0) continue;
    const distance = mineToConcept + otherToConcept;
    // Ties go to the lower concept index: the vocabulary's order, so the answer never depends on input order.
    if (distance < bestDistance || (distance === bestDistance && concept < bestConcept)) {
      bestDistance = distance;
      bestConcept = concept;
    }
  }
  if (bestConcept < 0 || bestDistance === 0) return null;
  return { points: NEAR_MATCH_POINTS[bestDistance]!, kind: 'near', via: graph.labels[bestConcept]! };
}

/** Convenience for one-off comparisons of two pieces of text ("old movies" ~ "films"). */
export function interestSimilarity(a: string, b: string, graph: ConceptGraph = INTEREST_GRAPH): InterestMatch | null {
  return matchInterests(makeProbe(resolveInterest(a, graph), graph), resolveInterest(b, graph), graph);
}
