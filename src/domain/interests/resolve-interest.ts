import { INTEREST_GRAPH, MAX_GRAPH_DISTANCE, type ConceptGraph } from './concept-graph';
import { normaliseText } from './normalise';

/**
 * One interest as someone wrote it, placed in the concept graph:
 * - a known term ("old films") is its concept, at distance 0;
 * - free text that contains known terms ("walking by the sea") sits one step below each of them
 *   ("walking", "the seaside"), so it can match nearly but never exactly;
 * - anything else matches only on its normalised text.
 */
export interface ResolvedInterest {
  /** The words as written, for explanations. */
  readonly words: string;
  /** normaliseText(words), for exact matching of free text. */
  readonly text: string;
  /** The concept this interest is, or -1 for free text. */
  readonly concept: number;
  /** Concepts reachable upwards within MAX_GRAPH_DISTANCE, with their distances (parallel arrays). */
  readonly reachConcepts: readonly number[];
  readonly reachDistances: readonly number[];
}

export function resolveInterest(words: string, graph: ConceptGraph = INTEREST_GRAPH): ResolvedInterest {
  const text = normaliseText(words);
  const direct = graph.byText.get(text);
  if (direct !== undefined) return withReach(words, text, direct, [direct], 0, graph);
  return withReach(words, text, -1, conceptsWithin(text, graph), 1, graph);
}

/** Known terms inside free text, longest first, left to right, not overlapping. */
export function conceptsWithin(text: string, graph: ConceptGraph = INTEREST_GRAPH): number[] {
  const words = text.split(' ');
  if (words.length < 2) return [];
  const found: number[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(graph.maxPhraseWords, words.length - i); n >= 1 && matched === 0; n -= 1) {
      const concept = graph.byText.get(words.slice(i, i + n).join(' '));
      if (concept !== undefined) {
        if (!found.includes(concept)) found.push(concept);
        matched = n;
      }
    }
    i += Math.max(matched, 1);
  }
  return found;
}

function withReach(
  words: string,
  text: string,
  concept: number,
  anchors: readonly number[],
  anchorDistance: number,
  graph: ConceptGraph,
): ResolvedInterest {
  const best = new Map<number, number>();
  for (const anchor of anchors) {
    for (const step of graph.ancestors[anchor] ?? []) {
      const distance = step.distance + anchorDistance;
      if (distance > MAX_GRAPH_DISTANCE) continue;
      const known = best.get(step.concept);
      if (known === undefined || distance < known) best.set(step.concept, distance);
    }
  }
  const entries = [...best].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  return {
    words,
    text,
    concept,
    reachConcepts: entries.map((e) => e[0]),
    reachDistances: entries.map((e) => e[1]),
  };
}
