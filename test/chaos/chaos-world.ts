import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import { createHttpTransport } from '../../src/sync/transport';
import { FaultProxy } from './fault-proxy';
import type { ChaosVisit } from './record-inputs';
import type { ChaosWorld } from './run-sequence';
import { ServerProcess } from '../../src/cli/server-process';
import { browserFetch, type BrowserLogin } from './sim-tablet';

/** The most tablets a sequence uses: one proxy and one signed-in browser each. */
export const MAX_TABLETS = 3;

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const alwaysOnline = () => true;
const neverCut = () => new AbortController().signal;

/** The organiser signs in once per tablet slot: each sequence's fresh tablets start from that browser's cookies. */
async function signIn(baseUrl: string): Promise<BrowserLogin> {
  const cookies = new Map<string, string>();
  const transport = createHttpTransport(baseUrl, browserFetch(cookies, alwaysOnline, neverCut));
  const session = await transport.login({ email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password });
  return { cookies, session };
}

/** The demo visits with their real ids: the list and each pack, fetched once through the real transport. */
async function fetchVisits(baseUrl: string, login: BrowserLogin): Promise<ChaosVisit[]> {
  const transport = createHttpTransport(baseUrl, browserFetch(new Map(login.cookies), alwaysOnline, neverCut));
  // Packs go only onto enrolled tablets; this browser's own copy of the cookies keeps the device token.
  await transport.enrolDevice({ deviceId: randomUUID(), label: 'Chaos setup' });
  const visits: ChaosVisit[] = [];
  for (const summary of await transport.listVisits()) {
    const pack = await transport.fetchPack(summary.id);
    visits.push({ visitId: pack.visit.id, personId: pack.person.id, carerIds: pack.candidates.map((c) => c.id) });
  }
  if (visits.length === 0) throw new Error('the demo organisation has no visits to record for');
  return visits;
}

export interface ChaosSetup {
  world: ChaosWorld;
  dataDir: string;
  /**
   * Replaces DATA_DIR (server stopped) with a copy of it as it was just after seeding and signing in.
   * The demo has three visits, and the office's visit list costs more with every event of a visit,
   * so thousands of sequences on one data folder would measure that rather than the sync.
   */
  freshData(keepOldAs?: string): Promise<void>;
  close(keepData: boolean): Promise<void>;
}

/** Starts the server on a new DATA_DIR (seeding the demo), a proxy per tablet slot, and signs each slot in. */
export async function setUpChaosWorld(): Promise<ChaosSetup> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-chaos-'));
  const templateDir = `${dataDir}-seeded`;
  const server = new ServerProcess({ port: await freePort(), dataDir, env: { HEARTH_FAULT_INJECTION: '1' } });
  const proxies: FaultProxy[] = [];
  const close = async (keepData: boolean) => {
    await server.stop('SIGTERM');
    await Promise.all(proxies.map((p) => p.close()));
    await rm(templateDir, { recursive: true, force: true });
    if (!keepData) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await server.start();
    const baseUrl = `http://127.0.0.1:${server.port}`;
    for (let i = 0; i < MAX_TABLETS; i++) proxies.push(await FaultProxy.start(() => server.port));
    const logins = await Promise.all(proxies.map(() => signIn(baseUrl)));
    const visits = await fetchVisits(baseUrl, logins[0]!);
    await server.stop('SIGTERM');
    await cp(dataDir, templateDir, { recursive: true });
    return {
      world: { server, proxies, logins, visits },
      dataDir,
      async freshData(keepOldAs) {
        if (server.running) throw new Error('stop the server before replacing its data');
        if (keepOldAs) await rename(dataDir, keepOldAs);
        else await rm(dataDir, { recursive: true, force: true });
        await cp(templateDir, dataDir, { recursive: true });
      },
      close,
    };
  } catch (error) {
    await close(false);
    throw error;
  }
}
