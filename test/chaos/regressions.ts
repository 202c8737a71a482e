import type { SequencePlan } from './plan';

/**
 * Sequences that once found a bug, replayed first on every `npm run test:chaos` (before the random ones)
 * so a fixed bug stays fixed. Each keeps its steps, not only its seed: a change to plan.ts gives a seed
 * other steps, and the pin would silently stop testing anything. Cut down to the steps that matter.
 */
export interface PinnedSequence {
  name: string;
  found: string;
  plan: SequencePlan;
}

export const REGRESSIONS: readonly PinnedSequence[] = [
  {
    name: 'settings-reordered-after-a-500',
    found:
      'Random seed 9206. Two settings changes for one person wait in the outbox; the push gets a 500, so the sender ' +
      'retries one event at a time; the older change gets a 500 again and is skipped while the newer one is stored; ' +
      'the older one is stored on the next run, and the office (latest received wins) keeps the older settings. ' +
      'src/sync/outbox-sender.ts: a single event refused with anything but a 409 is marked failed and the next is sent.',
    plan: {
      seed: 9206,
      tablets: 1,
      ops: [
        { kind: 'record-settings', tablet: 0, visit: 2, variant: 1167334650 },
        { kind: 'record-outcome', tablet: 0, visit: 2, variant: 1008581425 },
        { kind: 'record-settings', tablet: 0, visit: 2, variant: 149866030 },
        { kind: 'fault', tablet: 0, fault: 'before-commit', count: 2, delayMs: 0 },
        { kind: 'sync', tablet: 0, wait: true },
      ],
    },
  },
];
