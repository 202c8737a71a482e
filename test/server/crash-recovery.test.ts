import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import { ServerProcess } from '../../src/cli/server-process';
import { prepareBenchWorld } from '../../src/cli/bench/sync-world';
import { AckBook, FakeDevice } from '../support/crash-devices';

/**
 * RELIABILITY F10 (server-kill-mid-commit): the real server process, five tablets pushing all the time
 * (each to its own visits, made before the first start with the bench's helper), and SIGKILL at random
 * moments, KILLS times; each time the server starts again on the same DATA_DIR, and must open it (a start
 * that fails or hangs fails the test). With DATABASE_URL the data is in a database of its own on that
 * PostgreSQL server, which keeps running: only the app server is killed. After every restart each event
 * acknowledged since the kill before is sent again and must come back 'already-stored' (an acknowledged
 * commit that did not survive would be 'stored' again). At the end the database holds every event
 * exactly once, with the content that was acknowledged, and each outcome's follow-up once. Some kills
 * land while the server is still starting (opening and recovering the database).
 */
const KILLS = 50 * Number(process.env.HEARTH_TEST_SCALE ?? 1);
const SEED = Number(process.env.HEARTH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const DEVICES = 5;
const VISITS_PER_DEVICE = 20;
const KILL_WHILE_STARTING = 0.1;
const databaseUrl = process.env.DATABASE_URL || undefined;

describe(`server killed mid-commit, ${KILLS} times (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('keeps every acknowledged event exactly once, and the database opens every time', { timeout: 600_000 }, async () => {
    console.log(`F10 crash recovery: seed ${SEED} (replay with HEARTH_SEED=${SEED}), ${KILLS} kills`);
    const dice = new Dice(mulberry32(SEED));
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-crash-test-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const world = await prepareBenchWorld({ dataDir, adminUrl: databaseUrl, tablets: DEVICES, visitsPerTablet: VISITS_PER_DEVICE });
    cleanups.push(() => world.dispose());

    const server = new ServerProcess({ dataDir, databaseUrl: world.databaseUrl, env: { STATIC_DIR: path.join(dataDir, 'no-build') } });
    cleanups.push(() => server.stop('SIGKILL'));
    await server.start();

    const book = new AckBook();
    const devices = world.tablets.map(
      (tablet, i) => new FakeDevice(tablet.deviceId, () => server.url, tablet.cookie, tablet.visits, new Dice(mulberry32(SEED + 1 + i)), book),
    );
    let stopping = false;
    const running = Promise.all(devices.map((device) => device.run(() => stopping)));
    running.catch(() => (stopping = true));

    const lostAfterKill: string[] = [];
    let probed = 0;
    let midPush = 0;
    let whileStarting = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      // Some acknowledgements first (so each kill has acknowledged commits to lose), then a random moment.
      const acks = book.acked.size + dice.int(1, 12);
      await until(() => book.acked.size >= acks || stopping, 60_000);
      if (stopping) break; // a device failed: `running` says why
      await sleep(dice.int(0, 150));
      // Mostly while a push is in flight: mid-commit, or committed and not yet answered.
      if (dice.chance(0.8)) await until(() => devices.some((d) => d.pushing) || stopping, 5_000).catch(() => undefined);
      if (devices.some((d) => d.pushing)) midPush += 1;
      await server.stop('SIGKILL');
      book.kills = kill;
      if (dice.chance(KILL_WHILE_STARTING)) {
        whileStarting += 1;
        // Killed again while opening (and recovering) the database.
        const starting = server.start().catch(() => undefined);
        await sleep(dice.int(100, 1_500));
        await server.stop('SIGKILL');
        await starting;
      }
      await server.start();
      // Acknowledged since the kill before this one: each must have survived this kill.
      for (const device of devices) {
        const sent = [...book.acked].filter(([id, ack]) => ack.killsBefore === kill - 1 && book.events.get(id)!.deviceId === device.deviceId);
        probed += sent.length;
        lostAfterKill.push(...(await device.resend(sent.map(([id]) => book.events.get(id)!))).map((id) => `${id} (kill ${kill})`));
      }
    }
    stopping = true;
    await running;
    await server.stop('SIGTERM');

    const starts = server.startMs.slice(1);
    console.log(
      `F10: ${book.acked.size} events acknowledged, ${probed} re-sent after the kill that followed their ack; ` +
        `${midPush} of ${KILLS} kills with a push in flight, ${whileStarting} more while starting; ` +
        `restarts took ${Math.round(mean(starts))} ms on average, ${Math.round(Math.max(...starts))} ms at most`,
    );
    expect(book.problems).toEqual([]);
    expect(lostAfterKill).toEqual([]);

    // What the database holds, opened as the server would open it.
    const db = await world.open();
    try {
      const rows = await db.query<{ id: string; content_hash: string }>('select id, content_hash from events where organisation_id = $1', [
        world.organisationId,
      ]);
      const stored = new Map(rows.map((r) => [r.id, r.content_hash]));
      expect(stored.size).toBe(rows.length);
      const missing = [...book.acked.keys()].filter((id) => !stored.has(id));
      const changed = [...book.acked].filter(([id, ack]) => stored.has(id) && stored.get(id) !== ack.hash).map(([id]) => id);
      const neverAcked = rows.filter((r) => !book.acked.has(r.id)).map((r) => r.id);
      expect({ missing, changed, neverAcked }).toEqual({ missing: [], changed: [], neverAcked: [] });

      const followUps = await db.query<{ event_id: string }>('select event_id from follow_ups where organisation_id = $1', [world.organisationId]);
      const needFollowUp = [...book.events.values()].filter((e) => e.type === 'OutcomeRecorded' && e.payload.outcome !== 'chosen');
      expect(followUps.length).toBe(needFollowUp.length);
      expect(new Set(followUps.map((f) => f.event_id))).toEqual(new Set(needFollowUp.map((e) => e.id)));
    } finally {
      await db.close();
    }
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`no progress within ${timeoutMs} ms`);
    await sleep(10);
  }
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
