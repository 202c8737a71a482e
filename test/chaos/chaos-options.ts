export interface ChaosOptions {
  /** The first sequence's seed; sequence i uses seed + i. */
  seed: number;
  /** Whether the seed was given (a replay) rather than drawn. */
  replay: boolean;
  sequences: number;
  /** Stop the server and compare its table with the tablets after this many sequences. */
  checkEvery: number;
  restartChance: number;
  keepData: boolean;
}

export const DEFAULT_SEQUENCES = 300;
const MAX_SEED = 2 ** 31 - 1;

export class ChaosUsageError extends Error {}

function whole(name: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw new ChaosUsageError(`${name} must be a whole number from ${min} to ${max} (got ${text ?? 'nothing'})`);
  }
  return value;
}

/**
 * `--seed <n>` (or HEARTH_SEED=<n>) replays from that seed: one sequence unless `--sequences` says more.
 * Without a seed, one is drawn (`drawSeed`) and DEFAULT_SEQUENCES run.
 */
export function parseChaosArgs(argv: readonly string[], env: Record<string, string | undefined>, drawSeed: () => number): ChaosOptions {
  const flags = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new ChaosUsageError(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'keep-data') {
      flags.set(name, 'yes');
      continue;
    }
    if (!['seed', 'sequences', 'check-every', 'restart-chance'].includes(name)) throw new ChaosUsageError(`unknown option --${name}`);
    flags.set(name, inline ?? argv[++i]);
  }
  const seedText = flags.get('seed') ?? (env.HEARTH_SEED?.trim() || undefined);
  const replay = seedText !== undefined;
  const sequencesText = flags.get('sequences');
  const restartText = flags.get('restart-chance');
  const restartChance = restartText === undefined ? 0.05 : Number(restartText);
  if (!(restartChance >= 0 && restartChance <= 1)) throw new ChaosUsageError('--restart-chance must be from 0 to 1');
  return {
    seed: replay ? whole('the seed', seedText, 0, MAX_SEED) : drawSeed(),
    replay,
    sequences: sequencesText === undefined ? (replay ? 1 : DEFAULT_SEQUENCES) : whole('--sequences', sequencesText, 1, 10_000_000),
    checkEvery: flags.has('check-every') ? whole('--check-every', flags.get('check-every'), 1, 1_000_000) : 50,
    restartChance,
    keepData: flags.has('keep-data'),
  };
}

/** Sequence i's seed, kept in the seed range so a printed seed can always be given back. */
export function sequenceSeed(options: Pick<ChaosOptions, 'seed'>, i: number): number {
  return (options.seed + i) % (MAX_SEED + 1);
}
