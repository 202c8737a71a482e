import { describe, expect, it } from 'vitest';
import { personalityFit, personalityNeeds } from '../../../src/domain/matching/personality';
import { qualityIndex, readQualities } from '../../../src/domain/matching/qualities';

const fit = (wants: string[], avoids: string[], carer: string[]) => personalityFit(personalityNeeds(wants, avoids), qualityIndex(carer));

describe('qualities', () => {
  it('normalises case, punctuation and everyday synonyms', () => {
    const q = (words: string) => readQualities(words).map((m) => m.quality);
    expect(q('Good listener')).toEqual(['great listener']);
    expect(q('quiet')).toEqual(['calm']);
    expect(q('Bubbly!')).toEqual(['lively']);
    expect(q('funny')).toEqual(['fun']);
    expect(q('a very calm person')).toEqual(['calm']);
  });

  it('reads several qualities in one entry', () => {
    expect(readQualities('kind and caring, patient').map((m) => m.quality)).toEqual(['kind', 'patient']);
    expect(readQualities('Calm and unhurried in the mornings.').map((m) => m.quality)).toEqual(['calm', 'patient']);
  });

  it('does not read a negated quality as the quality', () => {
    expect(readQualities('not pushy').map((m) => m.quality)).toEqual(['not pushy']);
  });

  it('never confuses lively with loud', () => {
    expect(readQualities('lively')[0]!.quality).not.toBe(readQualities('loud')[0]!.quality);
  });
});

describe('personalityFit', () => {
  it('raises a carer for each quality the person gets on with', () => {
    expect(fit(['calm', 'gentle', 'patient'], [], ['calm', 'patient', 'great listener'])).toEqual({
      score: 2,
      wanted: ['calm', 'patient'],
      avoided: [],
      fit: 'good',
    });
  });

  it("lowers a carer for a quality the person doesn't get on with, more than a wanted one raises them", () => {
    const ruthAndSam = fit(['chatty', 'lively', 'fun'], ['quiet', 'serious'], ['calm', 'patient']);
    expect(ruthAndSam).toEqual({ score: -2, wanted: [], avoided: ['calm'], fit: 'poor' });
    const mixed = fit(['kind'], ['bossy'], ['kind', 'bossy']);
    expect(mixed.score).toBeLessThan(0);
    expect(mixed.fit).toBe('poor');
  });

  it('matches synonyms on both sides and reports the carer’s own words', () => {
    expect(fit(['a good listener', 'fun'], [], ['Great listener', 'funny']).wanted).toEqual(['Great listener', 'funny']);
  });

  it('is neutral when nothing matches either way', () => {
    expect(fit(['calm'], ['loud'], ['organised'])).toEqual({ score: 0, wanted: [], avoided: [], fit: 'neutral' });
    expect(fit([], [], ['calm']).fit).toBe('neutral');
  });

  it('counts a quality once however many ways the carer says it', () => {
    expect(fit(['calm'], [], ['calm', 'quiet', 'peaceful']).score).toBe(1);
  });
});
