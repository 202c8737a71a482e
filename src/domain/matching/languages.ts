/** Languages the organisers name most, by ISO 639 code: codes and names both match, in any case. */
const LANGUAGES: readonly (readonly [code: string, name: string, ...otherNames: string[]])[] = [
  ['en', 'English'],
  ['cy', 'Welsh', 'Cymraeg'],
  ['pl', 'Polish', 'Polski'],
  ['pa', 'Punjabi', 'Panjabi'],
  ['ur', 'Urdu'],
  ['gu', 'Gujarati'],
  ['bn', 'Bengali', 'Bangla', 'Sylheti'],
  ['ro', 'Romanian'],
  ['es', 'Spanish', 'Español', 'Espanol'],
  ['fr', 'French', 'Français', 'Francais'],
  ['ar', 'Arabic'],
  ['so', 'Somali'],
  ['hi', 'Hindi'],
  ['ta', 'Tamil'],
  ['pt', 'Portuguese'],
  ['it', 'Italian'],
  ['de', 'German'],
  ['zh', 'Chinese', 'Mandarin'],
  ['yue', 'Cantonese'],
  ['tr', 'Turkish'],
  ['lt', 'Lithuanian'],
  ['ku', 'Kurdish'],
  ['fa', 'Persian', 'Farsi'],
  ['tl', 'Tagalog', 'Filipino'],
  ['ga', 'Irish', 'Gaelic (Irish)'],
  ['gd', 'Scottish Gaelic', 'Gàidhlig'],
  ['bsl', 'British Sign Language', 'BSL'],
];

const CODE_BY_TEXT: ReadonlyMap<string, string> = new Map(
  LANGUAGES.flatMap(([code, ...names]) => [code, ...names].map((text) => [fold(text), code] as const)),
);
const NAME_BY_CODE: ReadonlyMap<string, string> = new Map(LANGUAGES.map(([code, name]) => [code, name]));

function fold(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "Welsh", "cy", "CY" and "cy-GB" are all "cy"; a language we don't know is compared as written (folded). */
export function languageCode(language: string): string {
  const folded = fold(language);
  const known = CODE_BY_TEXT.get(folded);
  if (known !== undefined) return known;
  const base = /^([a-z]{2,3})[-_][a-z0-9]+$/.exec(folded)?.[1];
  return base !== undefined && NAME_BY_CODE.has(base) ? base : folded;
}

/** The plain-English name for an explanation: "cy" → "Welsh"; unknown languages as written. */
export function languageName(language: string): string {
  return NAME_BY_CODE.get(languageCode(language)) ?? language.trim();
}
