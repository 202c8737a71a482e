import { describe, expect, it } from 'vitest';
import { PERSON_MODE_TEXT } from '../../src/ui/person-mode/text/text';

/** Every value of a catalogue as text, calling functions with sample names and numbers. */
function allStrings(catalogue: object): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'string') return [[key, value]];
    if (typeof value === 'function') {
      const samples: unknown[][] =
        key === 'youWantToMeet' ? [[['Sam']], [['Sam', 'Grace', 'Eleri', 'Tom']]] : key === 'position' ? [[1, 4]] : [['Hilda'], ['Gwenllian']];
      return samples.map((args, i): [string, string] => [`${key}#${i}`, String((value as (...a: unknown[]) => unknown)(...args))]);
    }
    throw new Error(`${key} is neither text nor a function`);
  });
}

const sentences = (text: string) => text.split(/(?<=[.?!…])\s+/).filter((s) => s.trim() !== '');
const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * Easy read: the same word for the same thing, everywhere in person mode. Each language names the one
 * word it uses for a thing, and the other words for it that must not appear.
 */
const ONE_WORD_EACH: Record<string, { use: string; never: string[] }[]> = {
  en: [
    { use: 'choose', never: ['pick', 'select', 'selected', 'decide'] },
    { use: 'film', never: ['video', 'movie', 'clip'] },
    { use: 'tablet', never: ['ipad', 'device', 'screen'] },
    { use: 'photo', never: ['picture', 'image'] },
    { use: 'people', never: ['carer', 'carers', 'worker', 'workers', 'staff'] },
    { use: 'saved', never: ['stored', 'kept', 'recorded'] },
  ],
  cy: [
    { use: 'dewis', never: ['dethol', 'penderfynu'] },
    { use: 'ffilm', never: ['fideo'] },
    { use: 'llechen', never: ['ipad', 'dyfais', 'sgrin'] },
    { use: 'llun', never: ['delwedd'] },
    { use: 'pobl', never: ['gofalwr', 'gofalwyr', 'gweithiwr', 'gweithwyr', 'staff'] },
  ],
};

describe('person-mode text catalogue', () => {
  const languages = Object.entries(PERSON_MODE_TEXT);

  it('has the same keys in every language', () => {
    const keys = Object.keys(PERSON_MODE_TEXT.en).sort();
    for (const [, catalogue] of languages) expect(Object.keys(catalogue).sort()).toEqual(keys);
  });

  it.each(languages)('%s: no empty strings, and every sentence has 15 words or fewer', (_language, catalogue) => {
    for (const [key, text] of allStrings(catalogue)) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toContain('undefined');
      for (const sentence of sentences(text)) {
        expect(words(sentence).length, `${key}: "${sentence}"`).toBeLessThanOrEqual(15);
      }
    }
  });

  it('joins names the easy-read way in both languages', () => {
    expect(PERSON_MODE_TEXT.en.youWantToMeet(['Sam', 'Grace'])).toBe('You would like to meet Sam and Grace first');
    expect(PERSON_MODE_TEXT.cy.youWantToMeet(['Sam', 'Grace'])).toBe('Hoffech chi gwrdd â Sam a Grace yn gyntaf');
    expect(PERSON_MODE_TEXT.cy.youWantToMeet(['Sam', 'Eleri'])).toBe('Hoffech chi gwrdd â Sam ac Eleri yn gyntaf');
  });

  it.each(languages)('%s: the same word for the same thing', (language, catalogue) => {
    const all = allStrings(catalogue).map(([key, text]): [string, string[]] => [key, text.toLowerCase().split(/[^\p{L}']+/u)]);
    for (const { use, never } of ONE_WORD_EACH[language]!) {
      // The word chosen is really used (so the list keeps up with the text)…
      expect(all.some(([, w]) => w.some((word) => word.replace(/^['’]+|['’]+$/g, '').includes(use))), `${language} uses "${use}"`).toBe(true);
      // …and nothing says the same thing another way.
      for (const [key, w] of all) for (const word of never) expect(w, `${key} says "${word}": use "${use}"`).not.toContain(word);
    }
  });
});
