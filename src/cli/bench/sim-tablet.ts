import { randomBytes } from 'node:crypto';
import { MAX_EVENTS_PER_PUSH, PushResponseSchema, type HearthEvent, type PushRequest } from '../../domain/events';
import { FAULT_HEADER } from '../../server/http/fault-injection';
import type { BenchClient } from './bench-client';
import type { Dice } from './mulberry32';
import type { BenchTabletSetup } from './sync-world';
import { eventIds, visitEvents } from './tablet-events';

export interface TabletOptions {
  /** Chance that an acknowledged push is sent again (a tablet that lost track of its ack). */
  duplicateRate: number;
  /** Chance that the office commits a push and then resets the connection instead of answering. */
  resetRate: number;
  /** Up to this long between pushes, in ms (0: send as fast as the office answers). */
  pauseMs: number;
  /** Each tablet first comes online at a random moment within this many ms, as a fleet does. */
  startWithinMs: number;
}

/** What every tablet saw, merged: the bench's side of the count. */
export class BenchLedger {
  /**
   * Every acknowledged event, by id, exactly as it was sent (events are never changed after they are
   * made; the count hashes them once the timing is over, so the hashing is not charged to the office).
   */
  readonly acked = new Map<string, HearthEvent>();
  /** Ids the office answered 'stored' for more than once: an event applied twice. */
  readonly storedTwice = new Set<string>();
  private readonly stored = new Set<string>();
  readonly latenciesMs: number[] = [];
  pushes = 0;
  duplicatePushes = 0;
  resets = 0;
  /** Resets asked for that the server did not make (it runs without HEARTH_FAULT_INJECTION). */
  resetsIgnored = 0;
  retries = 0;
  readonly problems: string[] = [];

  record(event: HearthEvent, status: 'stored' | 'already-stored'): void {
    if (status === 'stored') {
      if (this.stored.has(event.id)) this.storedTwice.add(event.id);
      this.stored.add(event.id);
    }
    this.acked.set(event.id, event);
  }
}

/** What a tablet records before the timing starts: its outbox at each moment it is online. */
export interface TabletPlan {
  tablet: BenchTabletSetup;
  /** The events recorded since the last time it was online, for each time it comes online. */
  rounds: HearthEvent[][];
}

/**
 * A tablet's visits, recorded up front: each visit's events go into its outbox and, with chance
 * `offlineRate`, the tablet stays offline until a later visit (never after the last one). Made before
 * the clock starts so that what is timed is the office, not the simulation making its records.
 */
export function planTablet(tablet: BenchTabletSetup, dice: Dice, offlineRate: number): TabletPlan {
  const ids = eventIds((n) => randomBytes(n));
  const rounds: HearthEvent[][] = [];
  let outbox: HearthEvent[] = [];
  let clock = Date.now() - 8 * 3600_000;
  for (const [index, visit] of tablet.visits.entries()) {
    outbox.push(...visitEvents(dice, ids, tablet.deviceId, visit, clock));
    clock += 3600_000;
    const last = index === tablet.visits.length - 1;
    if (!last && dice.chance(offlineRate)) continue;
    rounds.push(outbox);
    outbox = [];
  }
  return { tablet, rounds };
}

const MAX_ATTEMPTS = 10;
const RETRY_PAUSE_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One tablet going through its plan: each time it is online it pushes its outbox (up to
 * MAX_EVENTS_PER_PUSH at a time) until every event is acknowledged, one push in flight at a time,
 * re-sending a push whose answer it never got, as the app's sender does.
 */
export async function runTablet(plan: TabletPlan, client: BenchClient, dice: Dice, options: TabletOptions, ledger: BenchLedger): Promise<void> {
  const { tablet } = plan;
  await sleep(dice.int(0, options.startWithinMs));
  for (let outbox of plan.rounds) {
    while (outbox.length > 0) {
      const batch = outbox.slice(0, MAX_EVENTS_PER_PUSH);
      const push: PushRequest = { deviceId: tablet.deviceId, deviceLabel: 'Bench tablet', events: batch };
      await pushUntilAcked(client, tablet.cookie, push, dice.chance(options.resetRate), ledger);
      outbox = outbox.slice(batch.length);
      if (dice.chance(options.duplicateRate)) {
        ledger.duplicatePushes += 1;
        await pushUntilAcked(client, tablet.cookie, push, false, ledger, { resend: true });
      }
      if (options.pauseMs > 0) await sleep(dice.int(0, options.pauseMs));
    }
  }
}

async function pushUntilAcked(
  client: BenchClient,
  cookie: string,
  push: PushRequest,
  reset: boolean,
  ledger: BenchLedger,
  { resend = false } = {},
): Promise<void> {
  // After a reset or a lost answer the office may have committed: 'already-stored' is then the right answer.
  let mayBeStored = resend;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const injectReset = reset && attempt === 1;
    const headers: Record<string, string> = { cookie, ...(injectReset ? { [FAULT_HEADER]: 'after-commit' } : {}) };
    const started = performance.now();
    let answer;
    try {
      answer = await client.post('/api/events', push, headers);
    } catch (error) {
      if (injectReset) ledger.resets += 1;
      else ledger.retries += 1;
      if (!injectReset && attempt === MAX_ATTEMPTS) ledger.problems.push(`push failed ${MAX_ATTEMPTS} times: ${String(error)}`);
      mayBeStored = true;
      await sleep(RETRY_PAUSE_MS);
      continue;
    }
    if (injectReset) ledger.resetsIgnored += 1;
    if (answer.status >= 500 || answer.status === 429) {
      ledger.retries += 1;
      mayBeStored = true;
      await sleep(RETRY_PAUSE_MS);
      continue;
    }
    ledger.latenciesMs.push(performance.now() - started);
    ledger.pushes += 1;
    const parsed = answer.status === 200 ? PushResponseSchema.safeParse(answer.body) : null;
    if (!parsed?.success) {
      ledger.problems.push(`push answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      return;
    }
    const { results } = parsed.data;
    push.events.forEach((event, i) => {
      const result = results[i];
      if (result?.id !== event.id) {
        ledger.problems.push(`answer ${i} names ${result?.id}, not ${event.id}`);
        return;
      }
      if (result.status === 'already-stored' && !mayBeStored) ledger.problems.push(`${event.id}: 'already-stored' on its first delivery`);
      if (result.status === 'stored' && resend) ledger.problems.push(`${event.id}: 'stored' again when re-sent after its ack`);
      ledger.record(event, result.status);
    });
    return;
  }
  ledger.problems.push(`push of ${push.events.length} events never acknowledged`);
}
