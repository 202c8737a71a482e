import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHearth {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = new URL('../../..', import.meta.url).pathname;

/** The server runs as a user would start it: not with the test runner's NODE_ENV, VITEST or DATABASE_URL. */
function withoutTestEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (key === 'NODE_ENV' || key === 'DATABASE_URL' || key.startsWith('VITEST')) delete clean[key];
  }
  return clean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts Hearth exactly as the README says (`npm start`), on a free port and a throwaway data folder. */
export async function startHearth(timeoutMs = 180_000): Promise<RunningHearth> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  let log = '';
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...withoutTestEnv(process.env), PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends npm and the server under it
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://localhost:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      signalGroup(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) signalGroup(child.pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, dataDir, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`Hearth did not answer /api/health within ${timeoutMs} ms:\n${log}`);
}

/**
 * Signals the server's whole process group. The group may already be gone (npm exits as soon as the
 * server does, before our 'exit' handler has run): ESRCH then means the work is done, not a failure.
 */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
