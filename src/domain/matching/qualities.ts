import { normaliseText } from '../interests/normalise';

/**
 * Personality words, normalised so the carer's "good listener" meets the person's "great listener".
 * Each group's first word is the canonical quality. Only everyday synonyms: "quiet" is "calm" (as
 * the practice reads profiles), but "lively" is never "loud".
 */
const QUALITY_GROUPS: readonly (readonly string[])[] = [
  ['calm', 'quiet', 'peaceful', 'relaxed', 'laid back', 'easygoing', 'easy going', 'serene', 'placid', 'tranquil', 'composed', 'steady', 'calming', 'calm presence'],
  ['gentle', 'soft', 'tender', 'softly spoken', 'soft spoken', 'quietly spoken', 'gentle hands', 'gentle manner'],
  ['patient', 'unhurried', 'takes time', 'takes their time', 'never rushes', 'doesnt rush', 'never in a rush', 'gives me time', 'patience'],
  ['great listener', 'good listener', 'listener', 'listens', 'listens well', 'attentive', 'attentive listener', 'really listens', 'listens properly', 'listening'],
  ['chatty', 'talkative', 'good talker', 'likes a chat', 'loves a chat', 'good chat', 'conversational', 'natterer', 'good natter', 'chatterbox', 'good conversationalist'],
  ['lively', 'bubbly', 'energetic', 'upbeat', 'vivacious', 'full of energy', 'full of life', 'spirited', 'enthusiastic', 'bright and lively', 'bouncy'],
  ['fun', 'funny', 'humorous', 'good sense of humour', 'sense of humour', 'witty', 'jokey', 'good laugh', 'good fun', 'great fun', 'makes me laugh', 'makes you laugh', 'full of jokes', 'fun loving', 'playful'],
  ['kind', 'caring', 'compassionate', 'warm', 'kind hearted', 'kindhearted', 'thoughtful', 'considerate', 'warm hearted', 'big hearted', 'empathetic', 'kindness'],
  ['organised', 'organized', 'tidy', 'neat', 'methodical', 'well organised', 'orderly', 'structured'],
  ['reliable', 'dependable', 'punctual', 'on time', 'consistent', 'does what they say'],
  ['honest', 'trustworthy', 'truthful', 'straightforward', 'genuine'],
  ['respectful', 'polite', 'courteous', 'well mannered', 'good manners'],
  ['friendly', 'welcoming', 'approachable', 'sociable', 'outgoing', 'personable'],
  ['cheerful', 'happy', 'positive', 'sunny', 'smiley', 'optimistic', 'always smiling'],
  ['encouraging', 'supportive', 'motivating', 'encourages independence'],
  ['practical', 'down to earth', 'sensible', 'capable', 'hands on'],
  ['confident', 'self assured', 'assertive'],
  ['clear', 'speaks clearly', 'clear speaker', 'explains things clearly', 'good at explaining'],
  // Qualities people commonly say they don't get on with.
  ['loud', 'noisy', 'boisterous', 'brash', 'loud voice', 'shouty', 'rowdy'],
  ['rushed', 'hurried', 'in a hurry', 'rushes', 'rushing', 'always in a rush', 'hasty', 'rushes about'],
  ['impatient', 'short tempered', 'irritable', 'snappy'],
  ['bossy', 'controlling', 'domineering', 'pushy', 'overbearing', 'tells me what to do', 'takes over'],
  ['serious', 'stern', 'strict', 'formal', 'solemn', 'no nonsense'],
  ['grumpy', 'miserable', 'moody', 'sulky'],
  ['nosy', 'nosey', 'prying'],
];

/** Filler words that don't change the quality ("a very calm person", "too chatty"). */
const FILLER = new Set(['person', 'someone', 'who', 'is', 'are', 'very', 'really', 'too', 'overly', 'quite', 'bit', 'always', 'so', 'extremely']);
const NEGATION = new Set(['not', 'never', 'no', 'doesnt', 'isnt', 'dont', 'without']);

function qualityText(words: string): string {
  return normaliseText(words)
    .split(' ')
    .filter((w) => !FILLER.has(w))
    .join(' ');
}

const CANONICAL: ReadonlyMap<string, string> = new Map(
  QUALITY_GROUPS.flatMap((group) => {
    const canonical = qualityText(group[0]!);
    return group.map((word) => [qualityText(word), canonical] as const);
  }),
);
const MAX_QUALITY_WORDS = Math.max(...[...CANONICAL.keys()].map((k) => k.split(' ').length));

export interface QualityMention {
  /** The canonical quality ("great listener"). */
  quality: string;
  /** The words that gave it, as written ("good listener"). */
  words: string;
}

/**
 * The qualities in one entry as written. An entry may hold several ("kind and caring", "calm and
 * unhurried in the mornings"); unknown words stay as their normalised text so two identical unusual
 * qualities still meet. A negated phrase ("not pushy") is only read whole, never word by word.
 */
export function readQualities(entry: string): QualityMention[] {
  const found: QualityMention[] = [];
  const add = (quality: string, words: string): void => {
    if (!found.some((m) => m.quality === quality)) found.push({ quality, words });
  };
  for (const part of entry.split(/[,;/&]|\band\b|\bbut\b/i)) {
    const text = qualityText(part);
    if (text === '') continue;
    const whole = CANONICAL.get(text);
    if (whole !== undefined) {
      add(whole, part.trim());
      continue;
    }
    const words = text.split(' ');
    const inside = words.some((w) => NEGATION.has(w)) ? [] : knownPhrases(words);
    if (inside.length === 0) add(text, part.trim());
    for (const quality of inside) add(quality, quality);
  }
  return found;
}

function knownPhrases(words: readonly string[]): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(MAX_QUALITY_WORDS, words.length - i); n >= 1 && matched === 0; n -= 1) {
      const canonical = CANONICAL.get(words.slice(i, i + n).join(' '));
      if (canonical !== undefined) {
        found.push(canonical);
        matched = n;
      }
    }
    i += Math.max(matched, 1);
  }
  return found;
}

/** Canonical quality → the words that gave it, first mention first. */
export function qualityIndex(entries: readonly string[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const entry of entries) {
    for (const m of readQualities(entry)) if (!index.has(m.quality)) index.set(m.quality, m.words);
  }
  return index;
}
