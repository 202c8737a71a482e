import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rankCarers } from '../../src/domain/matching/rank-carers';
import { loadScenario, scenarioPath } from '../domain/matching/make-scenario';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the command the way `npm run match -- <file>` does. */
function match(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/match.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run match', () => {
  it('prints the ranking for a scenario as JSON and exits 0', () => {
    const { code, stdout, stderr } = match(scenarioPath('hilda.json'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { person, staff } = loadScenario('hilda');
    expect(JSON.parse(stdout)).toEqual(rankCarers(person, staff));
    expect(stdout).toMatch(/^\{\n {2}"ranked": \[\n/);
    const first = JSON.parse(stdout).ranked[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['id', 'rank', 'personality', 'interests', 'why']));
    expect(first.interests.shared.length).toBeGreaterThan(0);
  });

  it('names the field when a scenario does not fit the format, and exits 2', () => {
    const { code, stdout, stderr } = match(scenarioPath('bad-time.json'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('staff.3.availability.0.start: must be a 24-hour time like 08:45');
  });

  it('says when the file is not JSON, and exits 2', () => {
    const { code, stderr } = match(scenarioPath('not-json.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/not-json\.json is not valid JSON/);
  });

  it('says when the file cannot be read, and exits 2', () => {
    const { code, stderr } = match(scenarioPath('no-such-file.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cannot read .*no-such-file\.json/);
  });

  it('explains how to use it when given no file, and exits 2', () => {
    const { code, stderr } = match();
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run match -- <scenario\.json>/);
  });
});
