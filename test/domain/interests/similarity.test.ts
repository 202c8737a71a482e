import { describe, expect, it } from 'vitest';
import { conceptsWithin, resolveInterest } from '../../../src/domain/interests/resolve-interest';
import { EXACT_MATCH_POINTS, interestSimilarity } from '../../../src/domain/interests/similarity';
import { INTEREST_GRAPH } from '../../../src/domain/interests/concept-graph';

const points = (a: string, b: string) => interestSimilarity(a, b)?.points ?? 0;

describe('interestSimilarity', () => {
  it('matches the issue examples nearly', () => {
    expect(interestSimilarity('old movies', 'films')).toEqual({ points: 60, kind: 'near', via: 'films' });
    expect(interestSimilarity('Vera Lynn', '1940s music')).toEqual({ points: 60, kind: 'near', via: '1940s music' });
    expect(interestSimilarity('Blackpool FC', 'football')).toEqual({ points: 60, kind: 'near', via: 'football' });
  });

  it('counts the same words, or the same concept written another way, as exact', () => {
    expect(interestSimilarity('Old Movies!', 'old movie')).toEqual({ points: EXACT_MATCH_POINTS, kind: 'exact' });
    expect(interestSimilarity('old films', 'classic movies')).toEqual({ points: EXACT_MATCH_POINTS, kind: 'exact' });
    expect(interestSimilarity('Corrie', 'Coronation Street')?.kind).toBe('exact');
  });

  it('scores closer terms higher, and any near match below an exact one', () => {
    expect(points('Cary Grant', 'old movies')).toBeGreaterThan(points('Cary Grant', 'films'));
    expect(points('Vera Lynn', 'wartime songs')).toBeGreaterThan(points('Vera Lynn', 'Glenn Miller'));
    expect(points('Vera Lynn', 'Glenn Miller')).toBeGreaterThan(points('Vera Lynn', 'Frank Sinatra'));
    expect(points('Vera Lynn', 'Frank Sinatra')).toBeGreaterThan(0);
    expect(points('old movies', 'films')).toBeLessThan(EXACT_MATCH_POINTS);
  });

  it('links siblings through the concept they share', () => {
    expect(interestSimilarity('knitting', 'crochet')).toEqual({ points: 45, kind: 'near', via: 'needlecraft' });
    expect(interestSimilarity('Blackpool FC', 'Preston North End')?.via).toBe('football');
  });

  it('treats interests that only meet at a top-level theme as unrelated', () => {
    expect(interestSimilarity('football', 'cricket')).toBeNull();
    expect(interestSimilarity('Vera Lynn', 'reggae')).toBeNull();
    expect(interestSimilarity('knitting', 'pottery')).toBeNull();
  });

  it('still matches a theme with its own narrower terms', () => {
    expect(interestSimilarity('sport', 'football')?.kind).toBe('near');
    expect(points('music', 'Vera Lynn')).toBeGreaterThan(0);
  });

  it('matches unknown free text only on its normalised words', () => {
    expect(interestSimilarity('Pigeon Fancying', 'pigeon fancying')?.kind).toBe('exact');
    expect(interestSimilarity('pigeon fancying', 'pigeons')).toBeNull();
  });

  it('finds known terms inside free text, as near matches', () => {
    expect(interestSimilarity('cooking', 'cooking West African food')).toEqual({ points: 60, kind: 'near', via: 'cooking' });
    expect(interestSimilarity('walking by the sea', 'the seaside')?.via).toBe('the seaside');
    expect(interestSimilarity('Sunday lunch with my mum', 'Sunday roast')?.kind).toBe('near');
  });

  it('is symmetric', () => {
    const pairs = [['old movies', 'films'], ['Vera Lynn', 'Glenn Miller'], ['walking by the sea', 'Blackpool'], ['darts', 'dominoes']];
    for (const [a, b] of pairs) expect(interestSimilarity(a!, b!)).toEqual(interestSimilarity(b!, a!));
  });
});

describe('resolveInterest', () => {
  it('places a known term at its concept', () => {
    const films = resolveInterest('Films');
    expect(INTEREST_GRAPH.labels[films.concept]).toBe('films');
    expect(films.reachDistances[0]).toBe(0);
  });

  it('places free text one step below the known terms it contains, longest first', () => {
    const labels = conceptsWithin('baking welsh cake').map((c) => INTEREST_GRAPH.labels[c]);
    expect(labels).toEqual(['baking', 'Welsh cakes']);
    const free = resolveInterest('baking Welsh cakes');
    expect(free.concept).toBe(-1);
    expect(Math.min(...free.reachDistances)).toBe(1);
  });
});
