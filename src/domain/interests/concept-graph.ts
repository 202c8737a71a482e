import { normaliseText } from './normalise';
import { INTEREST_VOCABULARY, type VocabularyEntry } from './vocabulary';

/**
 * How far up the graph we look. Two interests further apart than this, counting both sides, are
 * unrelated: "Vera Lynn" and "Frank Sinatra" meet at "golden oldies" after 4 steps, which still counts a little.
 */
export const MAX_GRAPH_DISTANCE = 4;

/** The vocabulary as numbered concepts: index lookups instead of string work while matching. */
export interface ConceptGraph {
  /** Preferred label of each concept, by index. */
  readonly labels: readonly string[];
  /** Concepts with no broader concept ("music", "sport"): meeting only there counts as unrelated. */
  readonly isTheme: readonly boolean[];
  /** Each concept's ancestors within MAX_GRAPH_DISTANCE, itself first at distance 0. */
  readonly ancestors: readonly (readonly AncestorStep[])[];
  /** Normalised label or alternative → concept index. */
  readonly byText: ReadonlyMap<string, number>;
  /** The most words in any normalised label, for phrase search in free text. */
  readonly maxPhraseWords: number;
}

export interface AncestorStep {
  readonly concept: number;
  readonly distance: number;
}

/** Everything wrong with a vocabulary: duplicate forms, unknown broader labels, cycles. Empty when sound. */
export function vocabularyProblems(entries: readonly VocabularyEntry[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  const labels = new Set(entries.map((e) => e.label));
  for (const entry of entries) {
    for (const form of new Set([entry.label, ...(entry.alt ?? [])].map(normaliseText))) {
      const other = owner.get(form);
      if (form === '') problems.push(`"${entry.label}" has a form that normalises to nothing`);
      else if (other !== undefined) problems.push(`"${form}" belongs to both "${other}" and "${entry.label}"`);
      else owner.set(form, entry.label);
    }
    for (const b of entry.broader ?? []) {
      if (!labels.has(b)) problems.push(`"${entry.label}" has an unknown broader concept "${b}"`);
    }
  }
  const byLabel = new Map(entries.map((e) => [e.label, e]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (label: string, path: string[]): void => {
    if (state.get(label) === 'done') return;
    if (state.get(label) === 'visiting') {
      problems.push(`cycle: ${[...path, label].join(' → ')}`);
      return;
    }
    state.set(label, 'visiting');
    for (const b of byLabel.get(label)?.broader ?? []) if (byLabel.has(b)) visit(b, [...path, label]);
    state.set(label, 'done');
  };
  for (const entry of entries) visit(entry.label, []);
  return problems;
}

export function buildConceptGraph(entries: readonly VocabularyEntry[]): ConceptGraph {
  const problems = vocabularyProblems(entries);
  // The vocabulary is constant data checked by the test suite; refusing it loudly beats matching on a broken graph.
  if (problems.length > 0) throw new Error(`The interest vocabulary has problems:\n${problems.join('\n')}`);
  const index = new Map(entries.map((e, i) => [e.label, i]));
  const parents = entries.map((e) => (e.broader ?? []).map((b) => index.get(b) ?? -1));
  const byText = new Map<string, number>();
  let maxPhraseWords = 1;
  entries.forEach((entry, i) => {
    for (const form of [entry.label, ...(entry.alt ?? [])]) {
      const text = normaliseText(form);
      byText.set(text, i);
      maxPhraseWords = Math.max(maxPhraseWords, text.split(' ').length);
    }
  });
  return {
    labels: entries.map((e) => e.label),
    isTheme: parents.map((p) => p.length === 0),
    ancestors: entries.map((_, i) => ancestorsOf(i, parents)),
    byText,
    maxPhraseWords,
  };
}

/** Breadth-first up the broader links, so each ancestor gets its shortest distance. */
function ancestorsOf(start: number, parents: readonly (readonly number[])[]): AncestorStep[] {
  const steps: AncestorStep[] = [{ concept: start, distance: 0 }];
  const seen = new Set([start]);
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    if (step.distance === MAX_GRAPH_DISTANCE) continue;
    for (const parent of parents[step.concept] ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      steps.push({ concept: parent, distance: step.distance + 1 });
    }
  }
  return steps;
}

/** Hearth's curated vocabulary, built once. */
export const INTEREST_GRAPH: ConceptGraph = buildConceptGraph(INTEREST_VOCABULARY);
