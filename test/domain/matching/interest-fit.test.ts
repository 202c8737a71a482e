import { describe, expect, it } from 'vitest';
import { resolveInterest } from '../../../src/domain/interests/resolve-interest';
import { makeProbe } from '../../../src/domain/interests/similarity';
import { interestFit } from '../../../src/domain/matching/interest-fit';

const fit = (person: string[], carer: string[]) =>
  interestFit(person.map((w) => makeProbe(resolveInterest(w))), carer.map((w) => resolveInterest(w)));

describe('interestFit', () => {
  it('counts an exact match as 1 and a near one as less', () => {
    expect(fit(['old movies'], ['old films']).score).toBe(1);
    expect(fit(['old movies'], ['films']).score).toBe(0.6);
    expect(fit(['old movies'], ['darts']).score).toBe(0);
  });

  it('lists shared interests in both people’s words, exact first', () => {
    expect(fit(['old movies', 'Vera Lynn', 'singing'], ['films', 'singing']).shared).toEqual([
      { person: 'singing', carer: 'singing', kind: 'exact' },
      { person: 'old movies', carer: 'films', kind: 'near', via: 'films' },
    ]);
  });

  it('lets the nearest term win when nobody shares the exact interest', () => {
    expect(fit(['Vera Lynn'], ['wartime songs']).score).toBeGreaterThan(fit(['Vera Lynn'], ['Glenn Miller']).score);
    expect(fit(['Vera Lynn'], ['Glenn Miller', 'wartime songs']).shared[0]!.carer).toBe('wartime songs');
  });

  it('counts one broad interest once, not once for every specific interest it covers', () => {
    const hilda = ['Vera Lynn', 'Susan Boyle', 'Aled Jones', 'singing'];
    expect(fit(hilda, ['music']).score).toBeLessThan(fit(hilda, ['Vera Lynn']).score);
    expect(fit(hilda, ['music']).shared).toHaveLength(1);
  });

  it('uses each interest at most once in the shared list', () => {
    const shared = fit(['Cary Grant', 'old movies'], ['old movies']).shared;
    expect(shared).toEqual([{ person: 'old movies', carer: 'old movies', kind: 'exact' }]);
  });
});
