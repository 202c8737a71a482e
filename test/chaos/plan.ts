import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';

/** What the fault proxy does to one request (test/chaos/fault-proxy.ts). */
export type ProxyFault = 'drop' | 'delay' | 'duplicate' | 'reset' | 'before-commit' | 'after-commit';
export const PROXY_FAULTS: readonly ProxyFault[] = ['drop', 'delay', 'duplicate', 'reset', 'before-commit', 'after-commit'];

/**
 * One step of a sequence. Tablets and visits are indexes (into the sequence's tablets and the demo
 * visits); `variant` seeds the details of a record, so the plan stays small and printable.
 */
export type ChaosOp =
  /** Undo first if the tablet holds an outcome for the visit (as the app does), then record. */
  | { kind: 'record-outcome'; tablet: number; visit: number; variant: number }
  /** The page is killed (a crash) `afterMs` into recording an outcome: all of it is kept or none. */
  | { kind: 'kill-while-recording'; tablet: number; visit: number; variant: number; afterMs: number }
  | { kind: 'withdraw'; tablet: number; visit: number }
  | { kind: 'rerecord-how-decided'; tablet: number; visit: number; variant: number }
  | { kind: 'record-settings'; tablet: number; visit: number; variant: number }
  | { kind: 'sync'; tablet: number; wait: boolean }
  /** The app in a second tab of the same tablet syncs too, alongside the first. */
  | { kind: 'second-tab-sync'; tablet: number }
  | { kind: 'offline'; tablet: number }
  | { kind: 'online'; tablet: number }
  /** Abandon the page: cut its requests, close Dexie (hard: as a crash would, aborting transactions), reopen. */
  | { kind: 'kill-tablet'; tablet: number; hard: boolean }
  /** Arms the tablet's proxy: the fault hits its next `count` matching requests. */
  | { kind: 'fault'; tablet: number; fault: ProxyFault; count: number; delayMs: number }
  | { kind: 'restart-server'; signal: 'SIGTERM' | 'SIGKILL' }
  | { kind: 'clock-jump'; tablet: number; offsetMs: number }
  | { kind: 'pause'; ms: number };

export interface SequencePlan {
  seed: number;
  tablets: number;
  ops: ChaosOp[];
}

export interface PlanOptions {
  /** How many demo visits there are to record for. */
  visits: number;
  /** The chance that a sequence restarts the server once (each restart costs seconds). */
  restartChance: number;
}

const DAY_MS = 24 * 3600_000;
const CLOCK_JUMPS_MS = [DAY_MS, -DAY_MS, -10 * 365 * DAY_MS, 365 * DAY_MS, 0];

/** The same seed gives the same plan on every machine. */
export function planSequence(seed: number, options: PlanOptions): SequencePlan {
  const dice = new Dice(mulberry32(seed));
  const tablets = dice.int(1, 3);
  const steps = dice.int(6, 18);
  const restartAt = dice.chance(options.restartChance) ? dice.int(1, steps - 1) : -1;
  const tablet = () => dice.int(0, tablets - 1);
  const visit = () => dice.int(0, options.visits - 1);
  const variant = () => dice.int(0, 2 ** 31 - 1);

  // Weighted: recording and sending most often, with faults in between.
  const choices: [number, () => ChaosOp][] = [
    [8, () => ({ kind: 'record-outcome', tablet: tablet(), visit: visit(), variant: variant() })],
    [1, () => ({ kind: 'kill-while-recording', tablet: tablet(), visit: visit(), variant: variant(), afterMs: dice.int(0, 3) })],
    [2, () => ({ kind: 'withdraw', tablet: tablet(), visit: visit() })],
    [1, () => ({ kind: 'rerecord-how-decided', tablet: tablet(), visit: visit(), variant: variant() })],
    [3, () => ({ kind: 'record-settings', tablet: tablet(), visit: visit(), variant: variant() })],
    [5, () => ({ kind: 'sync', tablet: tablet(), wait: dice.chance(0.5) })],
    [1, () => ({ kind: 'second-tab-sync', tablet: tablet() })],
    [1.5, () => ({ kind: 'offline', tablet: tablet() })],
    [1.5, () => ({ kind: 'online', tablet: tablet() })],
    [1.5, () => ({ kind: 'kill-tablet', tablet: tablet(), hard: dice.chance(0.5) })],
    [5, () => ({ kind: 'fault', tablet: tablet(), fault: dice.pick(PROXY_FAULTS), count: dice.pick([1, 1, 2, 3]), delayMs: dice.int(1, 40) })],
    [0.5, () => ({ kind: 'clock-jump', tablet: tablet(), offsetMs: dice.pick(CLOCK_JUMPS_MS) })],
    [1, () => ({ kind: 'pause', ms: dice.int(0, 25) })],
  ];
  const total = choices.reduce((sum, [weight]) => sum + weight, 0);

  const ops: ChaosOp[] = [];
  for (let step = 0; step < steps; step++) {
    if (step === restartAt) {
      ops.push({ kind: 'restart-server', signal: dice.chance(0.5) ? 'SIGKILL' : 'SIGTERM' });
      continue;
    }
    let roll = dice.float(0, total);
    const [, make] = choices.find(([weight]) => (roll -= weight) < 0) ?? choices[0]!;
    ops.push(make());
  }
  return { seed, tablets, ops };
}

export function describeOp(op: ChaosOp): string {
  switch (op.kind) {
    case 'record-outcome':
    case 'rerecord-how-decided':
    case 'record-settings':
      return `tablet ${op.tablet}: ${op.kind} visit ${op.visit} (variant ${op.variant})`;
    case 'kill-while-recording':
      return `tablet ${op.tablet}: record-outcome visit ${op.visit} (variant ${op.variant}), crash ${op.afterMs} ms in, reopen`;
    case 'withdraw':
      return `tablet ${op.tablet}: withdraw visit ${op.visit}`;
    case 'sync':
      return `tablet ${op.tablet}: sync${op.wait ? ' and wait' : ' (in the background)'}`;
    case 'second-tab-sync':
      return `tablet ${op.tablet}: sync in a second tab as well`;
    case 'offline':
    case 'online':
      return `tablet ${op.tablet}: ${op.kind}`;
    case 'kill-tablet':
      return `tablet ${op.tablet}: kill the page (${op.hard ? 'crash: transactions aborted' : 'close'}) and reopen`;
    case 'fault':
      return `tablet ${op.tablet}: next ${op.count === 1 ? 'request' : `${op.count} requests`} ${op.fault}${op.fault === 'delay' ? ` ${op.delayMs} ms` : ''}`;
    case 'restart-server':
      return `server: restart (${op.signal})`;
    case 'clock-jump':
      return `tablet ${op.tablet}: clock set ${op.offsetMs / DAY_MS} days off`;
    case 'pause':
      return `pause ${op.ms} ms`;
  }
}
