/**
 * Free-text normalisation for interests, qualities and skills, so that "Old Movies!", "old movie" and
 * "the old movies" are the same words. Both sides of every comparison go through this one function, so
 * a rule only has to be consistent, not linguistically perfect ("Jones" becomes "jone" on both sides).
 */

/** Words that carry no meaning in a short interest or quality ("the seaside", "my garden"). */
const STOP_WORDS = new Set(['the', 'a', 'an', 'my', 'his', 'her', 'their', 'our', 'your']);

/** Words whose plural rules would go wrong, mapped to their singular. */
const SINGULAR_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['movies', 'movie'],
  ['cookies', 'cookie'],
  ['zombies', 'zombie'],
  ['series', 'series'],
  ['species', 'species'],
  ['news', 'news'],
  ['christmas', 'christmas'],
  ['buses', 'bus'],
  ['dominoes', 'domino'],
  ['potatoes', 'potato'],
  ['tomatoes', 'tomato'],
  ['heroes', 'hero'],
  ['echoes', 'echo'],
  ['children', 'child'],
  ['people', 'person'],
  ['women', 'woman'],
  ['men', 'man'],
]);

/** "films" → "film", "hobbies" → "hobby", "matches" → "match"; short words and "-ss/-us/-is" stay. */
export function singularise(word: string): string {
  const exception = SINGULAR_EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|zz|ss)es$/.test(word)) return word.slice(0, word.endsWith('zzes') ? -3 : -2);
  return word.slice(0, -1);
}

/**
 * Lower case, accents and apostrophes removed ("Susan Boyle's" → "susan boyle"), '&' and '+' read as
 * "and", other punctuation read as a space, stop words dropped, each word made singular, spaces collapsed.
 */
export function normaliseText(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[&+]/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ');
  const words: string[] = [];
  for (const word of cleaned.split(' ')) {
    if (word === '' || STOP_WORDS.has(word)) continue;
    words.push(singularise(word));
  }
  return words.join(' ');
}
