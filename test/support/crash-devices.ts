import { randomBytes } from 'node:crypto';
import { MAX_EVENTS_PER_PUSH, PushResponseSchema, type HearthEvent } from '../../src/domain/events';
import type { Dice } from '../../src/cli/bench/mulberry32';
import { eventIds, visitEvents } from '../../src/cli/bench/tablet-events';
import type { BenchVisit } from '../../src/cli/bench/sync-world';
import { contentHash } from '../../src/server/events/store-events';

const RETRY_PAUSE_MS = 40;
/**
 * Up to this long between pushes. The five tablets share the demo's three visits, and every outcome is
 * compared with the visit's other answers: unpaced, the visits would gather thousands of answers each.
 */
const PUSH_PAUSE_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Ack {
  hash: string;
  /** How many kills had been made when the ack arrived: it must survive every later one. */
  killsBefore: number;
}

/** What all the devices were told, and what went wrong, for the test to check. */
export class AckBook {
  readonly acked = new Map<string, Ack>();
  readonly events = new Map<string, HearthEvent>();
  readonly problems: string[] = [];
  kills = 0;
  private readonly stored = new Set<string>();

  record(event: HearthEvent, status: 'stored' | 'already-stored', mayBeStored: boolean): void {
    if (status === 'stored' && this.stored.has(event.id)) this.problems.push(`${event.id} was stored twice`);
    if (status === 'already-stored' && !mayBeStored) this.problems.push(`${event.id} was 'already-stored' on its first delivery`);
    if (status === 'stored') this.stored.add(event.id);
    if (!this.acked.has(event.id)) this.acked.set(event.id, { hash: contentHash(event), killsBefore: this.kills });
    this.events.set(event.id, event);
  }
}

/**
 * A tablet as the outbox sender runs it: it records a visit into its outbox and pushes the outbox
 * (one push at a time) until each event is acknowledged, then records the next. A push whose answer never came
 * (the office was killed) is sent again once the office answers, and may then be 'already-stored'.
 */
export class FakeDevice {
  private outbox: HearthEvent[] = [];
  /** Ids sent at least once without an answer: the office may have committed them. */
  private readonly unanswered = new Set<string>();
  private readonly ids = eventIds((n) => randomBytes(n));
  private clock = Date.now() - 3600_000;

  constructor(
    readonly deviceId: string,
    private readonly url: () => string,
    private readonly cookie: string,
    private readonly visits: readonly BenchVisit[],
    private readonly dice: Dice,
    private readonly book: AckBook,
  ) {}

  /** Records and pushes until `stopping()` says so, then drains the outbox. */
  async run(stopping: () => boolean): Promise<void> {
    while (!stopping() || this.outbox.length > 0) {
      // One visit at a time, and none while the office is down: its outbox waits instead of growing.
      if (!stopping() && this.outbox.length === 0) {
        this.clock += 60_000;
        this.outbox.push(...visitEvents(this.dice, this.ids, this.deviceId, this.dice.pick(this.visits), this.clock));
      }
      const batch = this.outbox.slice(0, MAX_EVENTS_PER_PUSH);
      if (await this.push(batch)) {
        this.outbox = this.outbox.slice(batch.length);
        await sleep(this.dice.int(0, PUSH_PAUSE_MS));
      } else {
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  /**
   * Sends `events` again after their ack, as a check: each must be 'already-stored'. One that comes
   * back 'stored' was acknowledged and then lost. Retries until the office answers.
   */
  async resend(events: readonly HearthEvent[]): Promise<string[]> {
    const lost: string[] = [];
    for (let i = 0; i < events.length; i += MAX_EVENTS_PER_PUSH) {
      const batch = events.slice(i, i + MAX_EVENTS_PER_PUSH);
      let answer: Awaited<ReturnType<FakeDevice['send']>> = null;
      while (!(answer = await this.send(batch))) await sleep(RETRY_PAUSE_MS);
      answer.forEach((result) => result.status === 'stored' && lost.push(result.id));
    }
    return lost;
  }

  /** Whether a push is waiting for its answer now. */
  pushing = false;

  private async push(batch: HearthEvent[]): Promise<boolean> {
    const sentBefore = batch.map((event) => this.unanswered.has(event.id));
    for (const event of batch) this.unanswered.add(event.id);
    this.pushing = true;
    const results = await this.send(batch).finally(() => (this.pushing = false));
    if (!results) return false;
    batch.forEach((event, i) => {
      const result = results[i];
      if (result?.id !== event.id) this.book.problems.push(`answer ${i} names ${result?.id}, not ${event.id}`);
      else this.book.record(event, result.status, sentBefore[i]!);
      this.unanswered.delete(event.id);
    });
    return true;
  }

  /** The results of one push, or null when the office did not answer (it is down, or was killed mid-push). */
  private async send(events: readonly HearthEvent[]) {
    let response: Response;
    try {
      response = await fetch(`${this.url()}/api/events`, {
        method: 'POST',
        headers: { cookie: this.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: this.deviceId, deviceLabel: 'Crash test tablet', events }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      return null;
    }
    // Killed while answering: the body never arrives whole.
    const body: unknown = await response.json().catch(() => undefined);
    if (body === undefined || response.status >= 500) return null;
    const parsed = PushResponseSchema.safeParse(body);
    // Anything else is a bug the test must report, not a reason to retry for ever.
    if (response.status !== 200 || !parsed.success) throw new Error(`push answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return parsed.data.results;
  }
}
