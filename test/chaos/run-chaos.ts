import { randomInt } from 'node:crypto';
import { ChaosUsageError, parseChaosArgs, sequenceSeed, type ChaosOptions } from './chaos-options';
import { setUpChaosWorld, type ChaosSetup } from './chaos-world';
import { planSequence } from './plan';
import { REGRESSIONS } from './regressions';
import { runSequence, type SequenceResult } from './run-sequence';
import { readServerEvents } from './server-rows';
import { verifySequence } from './verify';

// npm run test:chaos [-- --seed <n>] [--sequences <n>] [--check-every <n>] [--restart-chance <p>] [--keep-data]
// Randomized sequences against a real server process (README, "Chaos test"). The last line is
// "N sequences, E events, L lost, D duplicated"; the exit code is 1 if anything was lost, doubled or broke.

interface Totals {
  sequences: number;
  events: number;
  lost: number;
  duplicated: number;
  failedSeeds: number[];
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

function printSequence(title: string, result: SequenceResult, lines: string[]): void {
  const pinned = REGRESSIONS.find((r) => r.plan === result.plan);
  console.log(`\n${title}: sequence with seed ${result.plan.seed} (${result.plan.tablets} tablets)${pinned ? `, pinned regression ${pinned.name}` : ''}`);
  if (pinned) console.log(`  it found: ${pinned.found}`);
  for (const line of lines) console.log(`  ${line}`);
  console.log('  operations:');
  for (const line of result.log) console.log(`    ${line}`);
  console.log(`  replay: ${pinned ? 'npm run test:chaos -- --sequences 1 (pinned regressions run first)' : `npm run test:chaos -- --seed ${result.plan.seed}`}`);
}

/**
 * Stops the server, reads its events table and compares it with each finished sequence; then the
 * data folder starts again from the seeded copy (a failing one is kept for a look).
 */
async function checkpoint(setup: ChaosSetup, finished: SequenceResult[], totals: Totals, showAll: boolean): Promise<void> {
  await setup.world.server.stop('SIGTERM');
  const rows = await readServerEvents(setup.dataDir, finished.flatMap((r) => r.deviceIds));
  let failed = false;
  for (const result of finished) {
    const devices = new Set(result.deviceIds);
    const verdict = verifySequence(result, rows.filter((row) => devices.has(row.deviceId)));
    totals.sequences += 1;
    totals.events += verdict.events;
    totals.lost += verdict.lost.length;
    totals.duplicated += verdict.duplicated.length;
    const lines = [...verdict.lost.map((l) => `lost: ${l}`), ...verdict.duplicated.map((d) => `duplicated: ${d}`), ...result.problems];
    if (lines.length > 0) {
      failed = true;
      totals.failedSeeds.push(result.plan.seed);
      printSequence('FAILED', result, lines);
    } else if (showAll) {
      printSequence('passed', result, [`${verdict.events} events, each at the office once, as committed`]);
    }
  }
  const keepAs = failed ? `${setup.dataDir}-failed-${totals.sequences}` : undefined;
  if (keepAs) console.log(`  the server's data for these sequences is kept in ${keepAs}`);
  await setup.freshData(keepAs);
}

async function main(options: ChaosOptions): Promise<Totals> {
  const started = Date.now();
  const pinnedPlans = options.replay ? [] : REGRESSIONS.map((r) => r.plan);
  const total = pinnedPlans.length + options.sequences;
  const pinned = options.replay ? '' : ` after ${REGRESSIONS.length} pinned regressions`;
  console.log(`chaos: seed ${options.seed}, ${options.sequences} sequences${pinned}; replay one with npm run test:chaos -- --seed <n>`);

  const setup = await setUpChaosWorld();
  const { world } = setup;
  const totals: Totals = { sequences: 0, events: 0, lost: 0, duplicated: 0, failedSeeds: [] };
  const strays: string[] = [];
  const onStray = (error: unknown) => strays.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.on('unhandledRejection', onStray);
  console.log(`server ready in ${seconds(started)}: ${world.visits.length} demo visits, ${setup.dataDir}`);
  let keepData = options.keepData;
  try {
    let finished: SequenceResult[] = [];
    const planOptions = { visits: world.visits.length, restartChance: options.restartChance };
    for (let i = 0; i < total; i++) {
      const plan = pinnedPlans[i] ?? planSequence(sequenceSeed(options, i - pinnedPlans.length), planOptions);
      try {
        if (!world.server.running) await world.server.start();
        finished.push(await runSequence(world, plan));
      } catch (error) {
        // E.g. the server would not start again on its data after a SIGKILL: nothing after this is trustworthy.
        totals.failedSeeds.push(plan.seed);
        console.log(`\nFAILED: sequence with seed ${plan.seed} could not go on: ${error instanceof Error ? error.message : String(error)}`);
        console.log(`  replay: npm run test:chaos -- --seed ${plan.seed}`);
        keepData = true;
        break;
      }
      if (finished.length >= options.checkEvery || i === total - 1) {
        await checkpoint(setup, finished, totals, options.replay && options.sequences === 1);
        finished = [];
        const starting = (world.server.startingMs / 1000).toFixed(0);
        console.log(`… ${totals.sequences}/${total} sequences, ${totals.events} events, ${world.server.starts} server starts (${starting} s of them) in ${seconds(started)}`);
      }
    }
  } finally {
    process.off('unhandledRejection', onStray);
    await setup.close(keepData);
    if (keepData) console.log(`DATA_DIR kept: ${setup.dataDir}`);
  }
  if (strays.length > 0) {
    console.log(`\n${strays.length} unhandled rejections:\n${strays.slice(0, 5).join('\n')}`);
    totals.failedSeeds.push(-1);
  }
  const failedSeeds = totals.failedSeeds.filter((s) => s >= 0);
  if (failedSeeds.length > 0) console.log(`\nfailing seeds: ${failedSeeds.join(', ')}`);
  return totals;
}

// Exiting (not dying of the signal) runs the exit hooks that stop the server process.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

try {
  const options = parseChaosArgs(process.argv.slice(2), process.env, () => randomInt(0, 2 ** 31 - 1));
  const totals = await main(options);
  console.log(`${totals.sequences} sequences, ${totals.events} events, ${totals.lost} lost, ${totals.duplicated} duplicated`);
  process.exit(totals.failedSeeds.length > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof ChaosUsageError ? `test:chaos: ${error.message}` : error);
  process.exit(error instanceof ChaosUsageError ? 2 : 1);
}
