import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchClient } from './bench-client';
import { Dice, mulberry32 } from './mulberry32';
import { ServerProcess } from '../server-process';
import { BenchLedger, planTablet, runTablet, type TabletPlan } from './sim-tablet';
import { countStored } from './sync-count';
import { prepareBenchWorld } from './sync-world';

/**
 * `npm run bench:sync`: the real server as its own process (PGlite in a temp DATA_DIR, or PostgreSQL
 * when DATABASE_URL is set: a database of its own on that server) and simulated tablets pushing their
 * outboxes at once over HTTP (RELIABILITY L1): each goes through its visits, sending after each one or,
 * when it was offline (--offline), after several; it re-sends some pushes after their ack (--duplicates)
 * and has some connections reset after the commit (--resets, the server's test-only fault injection,
 * src/server/http/fault-injection.ts). Then the database is counted against every
 * acknowledgement, warm-up included. Prints a summary, then one JSON line last; exits 1 if anything
 * acknowledged is missing, doubled or changed, or an answer was wrong.
 *
 * Targets on a 2-core machine, 200 tablets: ≥ 2,000 events/s on PGlite, ≥ 10,000 on PostgreSQL,
 * p99 ≤ 250 ms. The tablets send as fast as the office answers, so latency is queueing:
 * about tablets × events per push ÷ events/s (--pause-ms spaces their pushes out).
 */
const { values: args } = parseArgs({
  options: {
    tablets: { type: 'string', default: process.env.BENCH_TABLETS ?? '200' },
    visits: { type: 'string', default: process.env.BENCH_VISITS ?? '20' },
    duplicates: { type: 'string', default: '0.1' },
    resets: { type: 'string', default: '0.05' },
    offline: { type: 'string', default: '0.3' },
    'pause-ms': { type: 'string', default: '0' },
    'start-within-ms': { type: 'string', default: '1000' },
    'warm-up-tablets': { type: 'string', default: '20' },
    seed: { type: 'string', default: process.env.HEARTH_SEED ?? '20250301' },
    /** Leave the PGlite DATA_DIR behind, to look at the plans of what the bench wrote. */
    'keep-data': { type: 'boolean', default: false },
  },
});
const number = (name: keyof typeof args) => {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0, not ${args[name]}`);
  return value;
};
const tablets = number('tablets');
const warmUpTablets = number('warm-up-tablets');
const seed = number('seed');
const tabletOptions = {
  duplicateRate: number('duplicates'),
  resetRate: number('resets'),
  pauseMs: number('pause-ms'),
  startWithinMs: number('start-within-ms'),
};
const adminUrl = process.env.DATABASE_URL || undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-sync-'));
const world = await prepareBenchWorld({ dataDir, adminUrl, tablets: warmUpTablets + tablets, visitsPerTablet: number('visits') });
const server = new ServerProcess({ dataDir, databaseUrl: world.databaseUrl, env: { HEARTH_FAULT_INJECTION: '1' } });
let exitCode = 1;
try {
  await server.start();
  log(`bench:sync: ${tablets} tablets → ${server.url} (${adminUrl ? 'PostgreSQL' : 'PGlite'}), seed ${seed}`);
  const ledger = new BenchLedger();
  const client = new BenchClient(server.url);
  // Each tablet's records are made before the clock starts (as they were, out in people's homes), with
  // its own dice: what is timed is the office taking them in.
  const offlineRate = number('offline');
  const plan = (setups: typeof world.tablets, firstSeed: number) =>
    setups.map((tablet, i) => ({ plan: planTablet(tablet, new Dice(mulberry32(firstSeed + i)), offlineRate), dice: new Dice(mulberry32(firstSeed + i + 0x9e3779b9)) }));
  const run = (plans: { plan: TabletPlan; dice: Dice }[], into: BenchLedger) =>
    Promise.all(plans.map(({ plan, dice }) => runTablet(plan, client, dice, tabletOptions, into)));
  const warmUpPlans = plan(world.tablets.slice(tablets), seed + tablets);
  const measuredPlans = plan(world.tablets.slice(0, tablets), seed);
  // Like any long-running server, V8 compiles the WASM Postgres and the JavaScript fully only once they
  // are hot: a first round, checked but not timed, measures the server as it runs rather than as it starts.
  const warmUp = new BenchLedger();
  await run(warmUpPlans, warmUp);
  const cpuBefore = await server.cpuMs();
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  await run(measuredPlans, ledger);
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  client.close();
  const cpuAfter = await server.cpuMs();
  const maxRssMb = await server.peakRssMb();
  await server.stop('SIGTERM');

  const count = await countStored(world, [ledger, warmUp]);
  const latencies = [...ledger.latenciesMs].sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  const ms = (value: number) => Math.round(value * 10) / 10;
  const problems = [...warmUp.problems, ...ledger.problems, ...count.problems];
  for (const problem of problems.slice(0, 40)) log(`problem: ${problem}`);
  log(
    `after a warm-up of ${warmUpTablets} tablets (${warmUp.acked.size} events): ` +
      `${ledger.acked.size} events acknowledged in ${ledger.pushes} pushes over ${ms(seconds)} s ` +
      `(${ledger.duplicatePushes} re-sent after their ack, ${ledger.resets} connection resets after commit, ${ledger.retries} other retries); ` +
      `database: ${count.rows} rows, ${count.lost} lost, ${count.duplicated} duplicated, ${count.changed} changed, ` +
      `${count.unexpected} not acknowledged, follow-ups ${count.followUps}/${count.expectedFollowUps}`,
  );
  const result = {
    db: adminUrl ? 'postgres' : 'pglite',
    tablets,
    events: ledger.acked.size,
    pushes: ledger.pushes,
    seconds: ms(seconds),
    eventsPerSec: Math.round(ledger.acked.size / seconds),
    p50Ms: ms(percentile(50)),
    p95Ms: ms(percentile(95)),
    p99Ms: ms(percentile(99)),
    maxRssMb,
    serverCpuMsPerEvent: cpuBefore === null || cpuAfter === null ? null : Math.round(((cpuAfter - cpuBefore) / ledger.acked.size) * 1000) / 1000,
    // The simulated tablets share the machine: what they use is not there for the server.
    tabletsCpuMsPerEvent: Math.round(((clientCpu.user + clientCpu.system) / 1000 / ledger.acked.size) * 1000) / 1000,
    resets: ledger.resets,
    duplicatePushes: ledger.duplicatePushes,
    lost: count.lost,
    duplicated: count.duplicated + ledger.storedTwice.size + warmUp.storedTwice.size,
    changed: count.changed,
  };
  const target = adminUrl ? 10_000 : 2_000;
  log(`targets: ≥ ${target} events/s ${result.eventsPerSec >= target ? 'met' : 'NOT met'}, p99 ≤ 250 ms ${result.p99Ms <= 250 ? 'met' : 'NOT met'}`);
  const failed = result.lost > 0 || result.duplicated > 0 || result.changed > 0 || problems.length > 0;
  exitCode = failed ? 1 : 0;
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  log(`bench:sync failed: ${error instanceof Error ? error.stack : String(error)}\n${server.output()}`);
} finally {
  await server.stop('SIGKILL');
  await world.dispose().catch((error: unknown) => log(`could not drop the bench database: ${String(error)}`));
  if (args['keep-data']) log(`kept the data in ${dataDir}`);
  else await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
