import { randomUUID } from 'node:crypto';
import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import type { HearthEvent, OutcomeRecorded } from '../../src/domain/events';
import { getOutcome } from '../../src/local-db/queries';
import { recordOutcome, recordPersonModeSettings, rerecordOutcomeWithHowDecided, withdrawOutcome } from '../../src/local-db/record-event';
import type { FaultProxy } from './fault-proxy';
import { describeOp, type ChaosOp, type SequencePlan } from './plan';
import { howDecidedFor, outcomeInputFor, settingsFor, type ChaosVisit } from './record-inputs';
import type { ServerProcess } from '../../src/cli/server-process';
import { SimTablet, type BrowserLogin } from './sim-tablet';

/** What every sequence shares: one server process, a proxy and a signed-in browser per tablet slot, the demo visits. */
export interface ChaosWorld {
  server: ServerProcess;
  proxies: FaultProxy[];
  logins: BrowserLogin[];
  visits: ChaosVisit[];
}

export interface SequenceResult {
  plan: SequencePlan;
  /** Each step as done, with what came of it. */
  log: string[];
  deviceIds: string[];
  /** Every event committed to a tablet's outbox, in commit order. */
  committed: HearthEvent[];
  /** Ids each tablet deleted from its outbox (shown as sent). */
  shownAsSent: Set<string>;
  /** Ids of events whose record call resolved: the screen said "saved". */
  saved: string[];
  /** The event ids of the outcomes the tablets hold at the end. */
  localOutcomes: string[];
  /** Ids still in an outbox once the drain gave up. */
  leftInOutbox: string[];
  /** Things that went wrong outside the comparison: the server died, a drain did not finish. */
  problems: string[];
}

/** Rounds of "sync every tablet" after a sequence; each round needs the office, so a few are plenty. */
const DRAIN_ROUNDS = 25;

/** Called with each event whose record call resolved. */
type Saved = (event: HearthEvent) => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSequence(world: ChaosWorld, plan: SequencePlan): Promise<SequenceResult> {
  const dice = new Dice(mulberry32(plan.seed ^ 0x5eed));
  const deviceIds = Array.from({ length: plan.tablets }, () => randomUUID());
  const tablets = deviceIds.map(
    (deviceId, i) => new SimTablet(deviceId, world.proxies[i]!.url, world.logins[i]!, () => dice.float(0, 1)),
  );
  for (const proxy of world.proxies) proxy.clear();
  const log: string[] = [];
  const problems: string[] = [];
  const saved: string[] = [];
  const result = (leftInOutbox: string[], localOutcomes: string[]): SequenceResult => ({
    plan,
    log,
    deviceIds,
    committed: tablets.flatMap((t) => t.committed),
    shownAsSent: new Set(tablets.flatMap((t) => [...t.shownAsSent])),
    saved,
    localOutcomes,
    leftInOutbox,
    problems,
  });

  try {
    await Promise.all(tablets.map((t) => t.setUp()));
    for (const [step, op] of plan.ops.entries()) {
      let outcome: string;
      try {
        outcome = await runOp(world, tablets, op, (event) => saved.push(event.id));
      } catch (error) {
        outcome = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      }
      log.push(`${String(step).padStart(2)} ${describeOp(op)} -> ${outcome}`);
      if (!world.server.running) {
        problems.push(`the server stopped by itself after step ${step}:\n${world.server.output()}`);
        await world.server.start();
      }
    }

    // The end: no more faults, every tablet online, sync until every outbox is empty.
    for (const proxy of world.proxies) proxy.clear();
    for (const tablet of tablets) tablet.goOnline();
    for (let round = 0; round < DRAIN_ROUNDS; round++) {
      await Promise.all(tablets.map((t) => t.syncNow()));
      const waiting = await Promise.all(tablets.map((t) => t.countOutbox()));
      if (waiting.every((n) => n === 0)) break;
      await sleep(5);
    }
    const left = (await Promise.all(tablets.map((t) => t.outboxIds()))).flat();
    if (left.length > 0) {
      problems.push(`${left.length} events still in an outbox after ${DRAIN_ROUNDS} drain rounds`);
      for (const [i, tablet] of tablets.entries()) {
        const last = await tablet.syncNow();
        const errors = new Set((await tablet.db.outbox.toArray()).map((item) => item.lastError).filter((e) => e !== null));
        problems.push(`tablet ${i}: last sync ${last.status}/${last.push?.outcome ?? 'no push'}; outbox errors: ${[...errors].join(' | ') || 'none'}`);
      }
      problems.push(`server output (tail):\n${world.server.output().slice(-2000)}`);
    }
    const localOutcomes = (await Promise.all(tablets.map((t) => t.db.outcomes.toArray()))).flat().map((o) => o.eventId);
    return result(left, localOutcomes);
  } finally {
    await Promise.all(tablets.map((t) => t.shutDown()));
  }
}

/** The planned visit if the tablet holds an outcome for it, else the next one that does (the plan cannot know). */
async function visitWithOutcome(world: ChaosWorld, tablet: SimTablet, first: number): Promise<string | null> {
  for (let i = 0; i < world.visits.length; i++) {
    const visitId = world.visits[(first + i) % world.visits.length]!.visitId;
    if ((await getOutcome(tablet.db, visitId))?.payload) return visitId;
  }
  return null;
}

/** Undo (as the app does before a second decision), then record; returns the recorded event. */
async function undoThenRecord(world: ChaosWorld, tablet: SimTablet, visit: number, variant: number, saved: Saved): Promise<OutcomeRecorded> {
  const { db, clock } = tablet; // this page's database: after a crash, the old one is closed
  const visitId = world.visits[visit]!.visitId;
  if (await getOutcome(db, visitId)) saved(await withdrawOutcome(db, visitId, clock));
  const event = await recordOutcome(db, outcomeInputFor(world.visits[visit]!, variant), clock);
  saved(event);
  return event;
}

async function runOp(world: ChaosWorld, tablets: SimTablet[], op: ChaosOp, saved: Saved): Promise<string> {
  switch (op.kind) {
    case 'record-outcome': {
      const event = await undoThenRecord(world, tablets[op.tablet]!, op.visit, op.variant, saved);
      return `recorded ${event.payload.outcome} ${event.id}`;
    }
    case 'kill-while-recording': {
      const tablet = tablets[op.tablet]!;
      const recording = undoThenRecord(world, tablet, op.visit, op.variant, saved).then(
        (event) => `recorded ${event.payload.outcome} ${event.id} before the crash`,
        (error: unknown) => `not recorded (${error instanceof Error ? error.name : String(error)})`,
      );
      await sleep(op.afterMs);
      await tablet.kill(true);
      return `${await recording}; reopened`;
    }
    case 'withdraw': {
      const tablet = tablets[op.tablet]!;
      const visitId = await visitWithOutcome(world, tablet, op.visit);
      if (!visitId) return 'nothing to withdraw';
      const event = await withdrawOutcome(tablet.db, visitId, tablet.clock);
      saved(event);
      return `withdrawn by ${event.id}`;
    }
    case 'rerecord-how-decided': {
      const tablet = tablets[op.tablet]!;
      const visitId = await visitWithOutcome(world, tablet, op.visit);
      if (!visitId) return 'nothing to re-record';
      const event = await rerecordOutcomeWithHowDecided(tablet.db, visitId, howDecidedFor(op.variant), tablet.clock);
      saved(event);
      return `re-recorded as ${event.id}`;
    }
    case 'record-settings': {
      const tablet = tablets[op.tablet]!;
      const visit = world.visits[op.visit]!;
      const input = { visitId: visit.visitId, personId: visit.personId, settings: settingsFor(op.variant) };
      const event = await recordPersonModeSettings(tablet.db, input, tablet.clock);
      saved(event);
      return `recorded ${event.id}`;
    }
    case 'sync': {
      const run = tablets[op.tablet]!.syncNow();
      if (!op.wait) return 'started';
      const { status, push } = await run;
      return push ? `${status}, ${push.outcome}: ${push.acknowledged} acknowledged, ${push.remaining} waiting` : status;
    }
    case 'second-tab-sync': {
      const tablet = tablets[op.tablet]!;
      const first = tablet.syncNow();
      const { status, push } = await tablet.syncInSecondTab();
      await first;
      return `second tab ${status}${push ? `, ${push.acknowledged} acknowledged` : ''}`;
    }
    case 'offline':
      tablets[op.tablet]!.goOffline();
      return 'ok';
    case 'online':
      tablets[op.tablet]!.goOnline();
      return 'ok';
    case 'kill-tablet':
      await tablets[op.tablet]!.kill(op.hard);
      return 'reopened';
    case 'fault':
      for (let i = 0; i < op.count; i++) world.proxies[op.tablet]!.arm(op.fault, op.delayMs);
      return 'armed';
    case 'restart-server':
      await world.server.restart(op.signal);
      return 'up again';
    case 'clock-jump':
      tablets[op.tablet]!.setClockOffset(op.offsetMs);
      return 'ok';
    case 'pause':
      await sleep(op.ms);
      return 'ok';
  }
}
