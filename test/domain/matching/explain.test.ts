import { describe, expect, it } from 'vitest';
import { whySentence, type WhyInput } from '../../../src/domain/matching/explain';

const base: WhyInput = {
  personName: 'Hilda',
  personHasWants: true,
  carerFirstName: 'Sam',
  personality: { score: 2, wanted: ['Calm', 'great listener'], avoided: [], fit: 'good' },
  interests: { score: 0.6, shared: [{ person: 'old films', carer: 'films', kind: 'near', via: 'films' }] },
};

describe('whySentence', () => {
  it('reads like the issue’s example', () => {
    expect(whySentence(base)).toBe('Calm and a great listener, as Hilda likes, and shares Hilda\'s love of old films (Sam loves films).');
  });

  it('names exact interests in the person’s words', () => {
    const why = whySentence({
      ...base,
      interests: { score: 2, shared: [{ person: 'old movies', carer: 'Old Movies', kind: 'exact' }, { person: 'Cary Grant', carer: 'Cary Grant', kind: 'exact' }] },
    });
    expect(why).toBe("Calm and a great listener, as Hilda likes, and shares Hilda's love of old movies and Cary Grant.");
  });

  it('names the shared broader term when the two interests are siblings', () => {
    const why = whySentence({
      ...base,
      interests: { score: 0.45, shared: [{ person: 'Preston North End', carer: 'Blackpool FC', kind: 'near', via: 'football' }] },
    });
    expect(why).toContain("shares Hilda's love of football (Preston North End / Blackpool FC)");
  });

  it('counts the rest when there are many shared interests', () => {
    const shared = ['a', 'b', 'c', 'd', 'e'].map((x) => ({ person: x, carer: x, kind: 'exact' as const }));
    expect(whySentence({ ...base, interests: { score: 5, shared } })).toContain('of a, b, c and 2 more.');
  });

  it('says plainly when a carer has a quality the person does not get on with', () => {
    const why = whySentence({ ...base, personality: { score: -1, wanted: ['patient'], avoided: ['lively'], fit: 'poor' } });
    expect(why).toBe("Patient, as Hilda likes, but also lively, which Hilda doesn't get on with; shares Hilda's love of old films (Sam loves films).");
  });

  it('says when nothing matches', () => {
    const none = { ...base, personality: { score: 0, wanted: [], avoided: [], fit: 'neutral' as const }, interests: { score: 0, shared: [] } };
    expect(whySentence(none)).toBe("Doesn't mention the qualities Hilda likes; no shared interests found.");
    expect(whySentence({ ...none, personHasWants: false })).toBe('Free for every visit Hilda needs; no shared interests found.');
    expect(whySentence({ ...none, personName: 'the person', personHasWants: false })).toBe('Free for every visit the person needs; no shared interests found.');
  });

  it('is one sentence', () => {
    expect(whySentence(base).match(/\./g)).toHaveLength(1);
  });
});
