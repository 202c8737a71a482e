import { describe, expect, it } from 'vitest';
import { OutcomeRecordedPayloadSchema } from '../../src/domain/events';
import { PersonModeSettingsSchema } from '../../src/domain/person-mode';
import { ChaosUsageError, parseChaosArgs, sequenceSeed } from './chaos-options';
import { describeOp, planSequence } from './plan';
import { outcomeInputFor, settingsFor } from './record-inputs';

const OPTIONS = { visits: 3, restartChance: 0.05 };

describe('planSequence', () => {
  it('gives the same plan for the same seed, and another for another seed', () => {
    expect(planSequence(42, OPTIONS)).toEqual(planSequence(42, OPTIONS));
    expect(planSequence(43, OPTIONS)).not.toEqual(planSequence(42, OPTIONS));
  });

  it('keeps tablets and visits in range, restarts the server at most once, and describes every step', () => {
    for (let seed = 0; seed < 300; seed++) {
      const plan = planSequence(seed, OPTIONS);
      expect(plan.tablets).toBeGreaterThanOrEqual(1);
      expect(plan.tablets).toBeLessThanOrEqual(3);
      expect(plan.ops.filter((op) => op.kind === 'restart-server').length).toBeLessThanOrEqual(1);
      for (const op of plan.ops) {
        if ('tablet' in op) expect(op.tablet).toBeLessThan(plan.tablets);
        if ('visit' in op) expect(op.visit).toBeLessThan(OPTIONS.visits);
        expect(describeOp(op)).not.toBe('');
      }
    }
  });

  it('never restarts the server when the chance is 0', () => {
    for (let seed = 0; seed < 200; seed++) {
      expect(planSequence(seed, { ...OPTIONS, restartChance: 0 }).ops.some((op) => op.kind === 'restart-server')).toBe(false);
    }
  });
});

describe('record inputs', () => {
  const visit = {
    visitId: '0190f5a2-7b3c-7d4e-8f00-0000000000a1',
    personId: '0190f5a2-7b3c-7d4e-8f00-0000000000b1',
    carerIds: ['0190f5a2-7b3c-7d4e-8f00-0000000000c1', '0190f5a2-7b3c-7d4e-8f00-0000000000c2', '0190f5a2-7b3c-7d4e-8f00-0000000000c3'],
  };

  it('are always valid outcomes and settings', () => {
    for (let variant = 0; variant < 500; variant++) {
      const { visitId: _visitId, ...payload } = outcomeInputFor(visit, variant);
      expect(OutcomeRecordedPayloadSchema.safeParse(payload).success).toBe(true);
      expect(PersonModeSettingsSchema.safeParse(settingsFor(variant)).success).toBe(true);
    }
  });
});

describe('parseChaosArgs', () => {
  const draw = () => 7;

  it('draws a seed and runs 300 sequences by default', () => {
    expect(parseChaosArgs([], {}, draw)).toMatchObject({ seed: 7, replay: false, sequences: 300 });
  });

  it('replays one sequence from --seed or HEARTH_SEED, more with --sequences', () => {
    expect(parseChaosArgs(['--seed', '123'], {}, draw)).toMatchObject({ seed: 123, replay: true, sequences: 1 });
    expect(parseChaosArgs([], { HEARTH_SEED: '55' }, draw)).toMatchObject({ seed: 55, replay: true, sequences: 1 });
    expect(parseChaosArgs(['--seed=9', '--sequences', '10000'], {}, draw)).toMatchObject({ seed: 9, sequences: 10_000 });
  });

  it('refuses what it does not understand', () => {
    expect(() => parseChaosArgs(['--seeds', '1'], {}, draw)).toThrow(ChaosUsageError);
    expect(() => parseChaosArgs(['--sequences', 'many'], {}, draw)).toThrow(/--sequences must be a whole number/);
    expect(() => parseChaosArgs(['--seed', '-1'], {}, draw)).toThrow(ChaosUsageError);
  });

  it('numbers the sequences from the seed, staying in the seed range', () => {
    expect(sequenceSeed({ seed: 10 }, 3)).toBe(13);
    expect(sequenceSeed({ seed: 2 ** 31 - 1 }, 1)).toBe(0);
  });
});
