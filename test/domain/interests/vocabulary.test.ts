import { describe, expect, it } from 'vitest';
import { INTEREST_GRAPH, vocabularyProblems } from '../../../src/domain/interests/concept-graph';
import { normaliseText } from '../../../src/domain/interests/normalise';
import { INTEREST_VOCABULARY } from '../../../src/domain/interests/vocabulary';

const conceptOf = (words: string) => INTEREST_GRAPH.byText.get(normaliseText(words));
const labelOf = (words: string) => INTEREST_GRAPH.labels[conceptOf(words) ?? -1];
const ancestorLabels = (words: string) =>
  (INTEREST_GRAPH.ancestors[conceptOf(words)!] ?? []).map((step) => INTEREST_GRAPH.labels[step.concept]);

describe('the interest vocabulary', () => {
  it('is sound: every form belongs to one concept, every broader label exists, no cycles', () => {
    expect(vocabularyProblems(INTEREST_VOCABULARY)).toEqual([]);
  });

  it('has a few hundred concepts, most with other ways of writing them', () => {
    expect(INTEREST_VOCABULARY.length).toBeGreaterThanOrEqual(300);
    expect(INTEREST_VOCABULARY.filter((e) => (e.alt ?? []).length > 0).length).toBeGreaterThan(200);
  });

  it('covers what the people Hearth supports commonly enjoy', () => {
    const terms = [
      'Vera Lynn', 'Glenn Miller', 'Frank Sinatra', 'Cliff Richard', 'Elvis', 'The Beatles', 'Susan Boyle', 'Aled Jones',
      'Andrea Bocelli', 'Katherine Jenkins', 'hymns', 'choirs', 'brass bands', 'male voice choirs', 'Cary Grant',
      'old movies', 'soaps', 'quiz shows', 'Strictly', 'gardening programmes', 'Blackpool FC', 'Preston North End',
      'Manchester United', 'Liverpool', 'Everton', 'Plymouth Argyle', 'Exeter City', 'cricket', 'rugby', 'snooker',
      'darts', 'horse racing', 'bowls', 'knitting', 'crochet', 'sewing', 'jigsaws', 'colouring', 'painting', 'bingo',
      'dominoes', 'cards', 'board games', 'crosswords', 'word searches', 'quizzes', 'cooking', 'baking', 'Sunday roast',
      'afternoon tea', 'keeping the house tidy', 'cleaning', 'gardening', 'allotments', 'birdwatching', 'animals',
      'dogs', 'cats', 'the seaside', 'Blackpool', 'walks', 'church', 'the pub', 'day trips', 'trains', 'buses',
      'steam railways', 'ballroom dancing', 'tea dances', 'faith', 'family history', 'Welsh culture', 'sensory room',
      'Makaton', 'jazz', 'country music', 'classical music',
    ];
    expect(terms.filter((t) => conceptOf(t) === undefined)).toEqual([]);
  });

  it('links terms to broader ones, as in the issue', () => {
    expect(ancestorLabels('Vera Lynn')).toEqual(expect.arrayContaining(['1940s music', 'music']));
    expect(ancestorLabels('Cary Grant')).toEqual(expect.arrayContaining(['old movies', 'films']));
    expect(ancestorLabels('Blackpool FC')).toEqual(expect.arrayContaining(['football', 'sport']));
  });

  it('knows the same thing written other ways', () => {
    expect(labelOf('old films')).toBe('old movies');
    expect(labelOf('Corrie')).toBe('Coronation Street');
    expect(labelOf('the Tangerines')).toBe('Blackpool FC');
    expect(labelOf('fish & chips')).toBe('fish and chips');
    expect(labelOf('keeping his flat tidy')).toBe('keeping the house tidy');
  });

  it('reports the problems a careless edit would cause', () => {
    const problems = vocabularyProblems([
      { label: 'music' },
      { label: 'songs', alt: ['tunes'], broader: ['music'] },
      { label: 'tunes', broader: ['musik'] },
      { label: 'a', broader: ['b'] },
      { label: 'b', broader: ['a'] },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        '"tune" belongs to both "songs" and "tunes"',
        '"tunes" has an unknown broader concept "musik"',
        expect.stringMatching(/^cycle: a → b → a$/),
      ]),
    );
  });
});
