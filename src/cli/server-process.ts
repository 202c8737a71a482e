import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const READY = /Hearth is running at http:\/\/localhost:(\d+)/;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_KEPT_CHARS = 20_000;

export interface ServerProcessOptions {
  dataDir: string;
  /** PostgreSQL instead of PGlite in dataDir; never inherited from this process's environment. */
  databaseUrl?: string;
  /** 0 (the default) lets the first start pick a free port; later starts reuse it, as a tablet expects. */
  port?: number;
  /** Extra environment, e.g. HEARTH_FAULT_INJECTION. */
  env?: Record<string, string>;
}

/**
 * The real server (`node --import tsx src/server/main.ts`) as its own process on loopback, started
 * again on the same DATA_DIR after a SIGTERM or a SIGKILL. Used by the benches, the crash test and
 * the chaos test.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private log = '';
  port: number;
  /** How long each start took until "Hearth is running", in ms. */
  readonly startMs: number[] = [];

  constructor(private readonly options: ServerProcessOptions) {
    this.port = options.port ?? 0;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** How many times it has been started. */
  get starts(): number {
    return this.startMs.length;
  }

  /** Time spent waiting for it to be ready, over all starts, in ms. */
  get startingMs(): number {
    return this.startMs.reduce((sum, ms) => sum + ms, 0);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last part of what the server printed, for a failure report. */
  output(): string {
    return this.log;
  }

  /** Resolves once the database is open, migrated and seeded ("Hearth is running at …"). */
  async start(): Promise<void> {
    if (this.child) throw new Error('the server is already running');
    const started = performance.now();
    // HEARTH_SERVER_NODE_ARGS: node flags for the server alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = process.env.HEARTH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
      cwd: REPO,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // If this process ends first (a crash, a closed pipe), the server must not live on without it.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-LOG_KEPT_CHARS);
    };
    child.stderr!.on('data', keep);
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${this.log}`)), START_TIMEOUT_MS);
      let seen = '';
      const onData = (chunk: Buffer) => {
        keep(chunk);
        seen += chunk.toString();
        const ready = READY.exec(seen);
        if (!ready) return;
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.on('data', keep);
        this.port = Number(ready[1]);
        resolve();
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${signal ?? code}) before it was ready:\n${this.log}`));
      });
    });
    this.startMs.push(performance.now() - started);
  }

  /** SIGTERM lets it finish and close the database; SIGKILL stops it dead, as a power cut of the process would. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }

  async restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }

  /** The server's peak resident memory so far (VmHWM), in MiB; null where /proc is not available. */
  async peakRssMb(): Promise<number | null> {
    if (!this.child?.pid) return null;
    const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8').catch(() => null);
    const kb = status && /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  }

  /**
   * CPU time the server has used so far (user + system), in ms; null where /proc is not available.
   * On a machine shared with other work this says more than wall-clock rates do.
   */
  async cpuMs(): Promise<number | null> {
    if (!this.child?.pid) return null;
    const stat = await readFile(`/proc/${this.child.pid}/stat`, 'utf8').catch(() => null);
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in 1/100 s.
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : null;
  }

  private env(): NodeJS.ProcessEnv {
    // The server as a user runs it: not the test runner's NODE_ENV or VITEST, and only our DATABASE_URL.
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (key !== 'NODE_ENV' && key !== 'DATABASE_URL' && !key.startsWith('VITEST')) env[key] = value;
    }
    return {
      ...env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.options.dataDir,
      LOG_LEVEL: 'error',
      ...(this.options.databaseUrl ? { DATABASE_URL: this.options.databaseUrl } : {}),
      ...this.options.env,
    };
  }
}
