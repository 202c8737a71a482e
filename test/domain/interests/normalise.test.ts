import { describe, expect, it } from 'vitest';
import { normaliseText, singularise } from '../../../src/domain/interests/normalise';

describe('normaliseText', () => {
  it('ignores case, punctuation and extra spaces', () => {
    expect(normaliseText('  Old   MOVIES!! ')).toBe('old movie');
    expect(normaliseText('rock-and-roll')).toBe('rock and roll');
  });

  it("reads '&' and '+' as 'and'", () => {
    expect(normaliseText('Fish & Chips')).toBe(normaliseText('fish and chips'));
    expect(normaliseText('arts+crafts')).toBe('art and craft');
  });

  it('makes plurals singular', () => {
    expect(normaliseText('films')).toBe('film');
    expect(normaliseText('hobbies')).toBe('hobby');
    expect(normaliseText('quizzes')).toBe('quiz');
    expect(normaliseText('dominoes')).toBe('domino');
    expect(normaliseText('old movies')).toBe(normaliseText('old movie'));
  });

  it('drops articles and possessive words, and apostrophes', () => {
    expect(normaliseText('the seaside')).toBe('seaside');
    expect(normaliseText('keeping his flat tidy')).toBe(normaliseText('keeping my flat tidy'));
    expect(normaliseText('Susan Boyle’s songs')).toBe(normaliseText("Susan Boyle's song"));
  });

  it('removes accents', () => {
    expect(normaliseText('Les Misérables')).toBe(normaliseText('les miserables'));
  });
});

describe('singularise', () => {
  it('leaves words that only look plural alone', () => {
    for (const word of ['chess', 'tennis', 'bus', 'news', 'series', 'gas']) expect(singularise(word)).toBe(word);
  });

  it('handles -ches, -shes, -xes and -sses', () => {
    expect(singularise('matches')).toBe('match');
    expect(singularise('dishes')).toBe('dish');
    expect(singularise('boxes')).toBe('box');
    expect(singularise('classes')).toBe('class');
    expect(singularise('buses')).toBe('bus');
  });
});
