import { describe, expect, it } from 'vitest';
import { rankCarers } from '../../../src/domain/matching/rank-carers';
import { loadScenario } from './make-scenario';

const run = (name: 'hilda' | 'ruth' | 'peter') => {
  const { person, staff } = loadScenario(name);
  return rankCarers(person, staff);
};

describe('Hilda, 94, near Blackpool: old movies, Vera Lynn, Susan Boyle, Aled Jones; likes calm people', () => {
  const result = run('hilda');

  it('puts the calm carers who share most of her music and films first', () => {
    expect(result.ranked.map((c) => c.name)).toEqual(['Bethan', 'Grace', 'Sam', 'Megan', 'Jade']);
    expect(result.ranked[0]!.why).toBe("Calm and gentle, as Hilda likes, and shares Hilda's love of old movies, Susan Boyle, Aled Jones and singing (Bethan loves male voice choirs).");
    expect(result.ranked[2]!.why).toBe("Calm and patient, as Hilda likes, and shares Hilda's love of old movies and Cary Grant.");
  });

  it('puts Jade, who shares every interest but is loud and rushed, last', () => {
    const jade = result.ranked.at(-1)!;
    expect(jade.interests.shared).toHaveLength(6);
    expect(jade.personality).toMatchObject({ fit: 'poor', avoided: ['loud', 'always in a rush'] });
    expect(jade.why).toMatch(/^Loud and always in a rush, which Hilda doesn't get on with;/);
  });

  it('explains every exclusion in plain words', () => {
    expect(result.excluded).toEqual([
      { id: 'aisha', name: 'Aisha', reasons: ['25 km away; travels up to 5 km', "doesn't have the skill: medication"] },
      {
        id: 'dan',
        name: 'Dan',
        reasons: ['not free Monday, Wednesday and Friday 09:30–10:15', 'Hilda would like personal care from a woman'],
      },
      { id: 'kwame', name: 'Kwame', reasons: ['Hilda would like personal care from a woman'] },
      { id: 'ola', name: 'Ola', reasons: ["doesn't speak English"] },
      {
        id: 'priya',
        name: 'Priya',
        reasons: ['not free Monday, Wednesday and Friday 09:30–10:15', '13 km away; travels up to 8 km'],
      },
      { id: 'tom', name: 'Tom', reasons: ['Hilda would like personal care from a woman'] },
    ]);
    expect(result.funnel).toEqual({ considered: 11, available: 5, goodFit: 3, ranked: 5 });
  });
});

describe('Ruth, 91, Devon: "we laugh, they know me and they care"', () => {
  const result = run('ruth');

  it('ranks the chatty, lively, fun carers first and the quiet one last', () => {
    expect(result.ranked.map((c) => c.name)).toEqual(['Megan', 'Priya', 'Kwame', 'Sam']);
    expect(result.ranked[0]!.why).toBe("Chatty, bubbly and funny, as Ruth likes, and shares Ruth's love of card games.");
    expect(result.ranked[3]!.personality).toEqual({ score: -2, wanted: [], avoided: ['calm'], fit: 'poor' });
  });

  it('excludes a carer who does not drive and lives too far, and one without the skill Ruth needs', () => {
    expect(result.excluded.map((e) => [e.name, e.reasons])).toEqual([
      ['Ellie', ['12 km away; travels up to 5 km']],
      ['Grace', ['not free Tuesday and Thursday 14:00–15:00', 'not free Saturday 10:00–11:00', "doesn't have the skill: medication"]],
    ]);
  });
});

describe('Peter, 43, mild learning disability: cooking and keeping his flat tidy', () => {
  const result = run('peter');

  it('ranks patient, organised, kind carers who share his cooking first', () => {
    expect(result.ranked.map((c) => c.name)).toEqual(['Dan', 'Aisha', 'Tom', 'Lee']);
    expect(result.ranked[1]!.why).toBe("Patient and organised, as Peter likes, and shares Peter's love of cooking and keeping his flat tidy.");
  });

  it('ranks Lee, bossy but sharing the most interests, below everyone who fits better', () => {
    const lee = result.ranked.at(-1)!;
    expect(lee.interests.score).toBeGreaterThan(result.ranked[0]!.interests.score);
    expect(lee.personality.fit).toBe('poor');
  });

  it('excludes carers without learning disability support or free at teatime', () => {
    expect(result.excluded.map((e) => [e.name, e.reasons])).toEqual([
      ['Kwame', ["doesn't have the skill: learning disability support"]],
      ['Megan', ['not free Thursday and Friday 17:00–18:00']],
    ]);
  });
});
