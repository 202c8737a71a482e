import { readFile } from 'node:fs/promises';
import { parseScenario } from '../domain/matching/parse-scenario';
import { rankCarers } from '../domain/matching/rank-carers';

/**
 * `npm run match -- scenario.json`: ranks the scenario's staff for its person and prints the result
 * as JSON. A file that can't be read, isn't JSON or doesn't fit the scenario format exits with 2 and
 * says why on stderr.
 */
const EXIT_BAD_INPUT = 2;

async function main(args: readonly string[]): Promise<number> {
  const path = args[0];
  if (path === undefined || args.length > 1) return fail(['usage: npm run match -- <scenario.json>']);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return fail([`cannot read ${path}: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail([`${path} is not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) return fail([`${path} is not a valid scenario:`, ...parsed.problems.map((p) => `  ${p}`)]);
  const result = rankCarers(parsed.scenario.person, parsed.scenario.staff);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function fail(lines: readonly string[]): number {
  process.stderr.write(`${lines.join('\n')}\n`);
  return EXIT_BAD_INPUT;
}

// exitCode rather than exit(): a large result piped to another program must be written out in full first.
process.exitCode = await main(process.argv.slice(2));
