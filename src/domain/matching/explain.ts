import { INTEREST_GRAPH } from '../interests/concept-graph';
import { normaliseText } from '../interests/normalise';
import type { InterestFit, PersonalityFit, SharedInterest } from './result';

/** Shared interests named in one sentence; the rest are counted ("and 2 more"). */
const INTERESTS_NAMED = 3;
/** Leading words that make a quality read as a noun phrase: "a great listener", "a good laugh". */
const NOUN_PHRASE_STARTS = new Set(['good', 'great', 'real', 'brilliant', 'excellent', 'natural', 'lovely', 'proper', 'true', 'wonderful']);

export interface WhyInput {
  /** The person's name as used in explanations ("Hilda", or "the person"). */
  personName: string;
  /** Whether the person said which qualities they get on with. */
  personHasWants: boolean;
  carerFirstName: string;
  personality: PersonalityFit;
  interests: InterestFit;
}

/**
 * One plain-English sentence an organiser can read out, e.g. "Calm and patient, as Hilda likes, and
 * shares Hilda's love of old movies and Vera Lynn (Grace loves wartime songs)."
 */
export function whySentence(input: WhyInput): string {
  const { personName: name, personality } = input;
  const interests = interestClause(input);
  let personal: string | null = null;
  let joiner = '; ';
  if (personality.wanted.length > 0) {
    personal = `${qualityList(personality.wanted)}, as ${name} likes`;
    joiner = ', and ';
  }
  if (personality.avoided.length > 0) {
    const avoided = `${qualityList(personality.avoided)}, which ${name} doesn't get on with`;
    personal = personal === null ? avoided : `${personal}, but also ${avoided}`;
    joiner = '; ';
  }
  if (personal === null && input.personHasWants) {
    personal = `doesn't mention the qualities ${name} likes`;
    joiner = ', but ';
  }
  let sentence: string;
  if (personal !== null && interests !== null) sentence = `${personal}${joiner}${interests}`;
  else if (personal !== null) sentence = `${personal}; no shared interests found`;
  else if (interests !== null) sentence = interests;
  else sentence = `free for every visit ${name} needs; no shared interests found`;
  return `${capitaliseFirst(sentence)}.`;
}

function interestClause(input: WhyInput): string | null {
  const shared = input.interests.shared;
  if (shared.length === 0) return null;
  // "and 1 more" says less than naming it, so one extra is named rather than counted.
  const shown = shared.length <= INTERESTS_NAMED + 1 ? shared : shared.slice(0, INTERESTS_NAMED);
  const named = shown.map((s) => interestPhrase(s, input.carerFirstName));
  const more = shared.length - named.length;
  const items = more > 0 ? [...named, `${more} more`] : named;
  return `shares ${possessive(input.personName)} love of ${andList(items)}`;
}

/**
 * Exact: the person's words. Near, when one is the broader term: "old movies (Sam loves films)".
 * Near through a third term: "football (Preston North End / Blackpool FC)".
 */
function interestPhrase(shared: SharedInterest, carerFirstName: string): string {
  const theirs = shared.person.trim();
  if (shared.kind === 'exact') return theirs;
  const via = shared.via;
  if (via !== undefined && !sameTerm(via, shared.person) && !sameTerm(via, shared.carer)) {
    return `${via} (${theirs} / ${shared.carer.trim()})`;
  }
  return `${theirs} (${carerFirstName} loves ${shared.carer.trim()})`;
}

function sameTerm(label: string, words: string): boolean {
  const concept = INTEREST_GRAPH.byText.get(normaliseText(words));
  return concept !== undefined && concept === INTEREST_GRAPH.byText.get(normaliseText(label));
}

function qualityList(words: readonly string[]): string {
  return andList(words.map(qualityPhrase));
}

function qualityPhrase(words: string): string {
  const text = lowerFirst(words.trim().replace(/[.!]+$/, ''));
  const first = text.split(/\s+/)[0] ?? '';
  if (text.includes(' ') && NOUN_PHRASE_STARTS.has(first.toLowerCase())) return `a ${text}`;
  return text;
}

export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function possessive(name: string): string {
  return `${name}'s`;
}

/** "Calm" → "calm" mid-sentence; anything else ("BSL signer", "Welsh-speaking") stays as written. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]+(?: [a-z ]+)?$/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
