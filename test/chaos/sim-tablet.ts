import { randomBytes } from 'node:crypto';
import Dexie from 'dexie';
import { forceCloseDatabase, IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { SessionInfo } from '../../src/domain/api';
import type { HearthEvent } from '../../src/domain/events';
import { openHearthDatabase, type HearthDatabase } from '../../src/local-db/database';
import { openOutboxItem } from '../../src/local-db/sealed-records';
import { holdTestDataKey } from '../support/test-data-key';
import { countOutbox, getOrCreateDevice, listOutbox, saveSession } from '../../src/local-db/queries';
import type { Clock } from '../../src/local-db/record-event';
import { createSyncEngine, type PageEvents, type SyncEngine, type SyncRunResult } from '../../src/sync/sync-engine';
import { createHttpTransport, type Transport } from '../../src/sync/transport';

/** The tablet's browser after the organiser signed in: its cookies and the session the office returned. */
export interface BrowserLogin {
  cookies: Map<string, string>;
  session: SessionInfo;
}

/** Short timers, so a sequence takes a fraction of a second; the logic is the app's own. */
const ENGINE_TIMING = { intervalMs: 250, retryBaseMs: 10, retryMaxMs: 200 };

/**
 * A fetch that keeps cookies like a browser, fails fast while `isOnline()` is false (as a tablet with no
 * signal does), and whose requests are cut when the page they belong to is killed.
 */
export function browserFetch(cookies: Map<string, string>, isOnline: () => boolean, pageSignal: () => AbortSignal): typeof fetch {
  return async (input, init = {}) => {
    if (!isOnline()) throw new TypeError('fetch failed: the tablet is offline');
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const signals = [pageSignal(), ...(init.signal ? [init.signal] : [])];
    const response = await fetch(input, { ...init, headers, signal: AbortSignal.any(signals) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  };
}

/**
 * Opens the tablet's Dexie database on its own fake-indexeddb factory, so tablets share no storage.
 * Dexie takes its IndexedDB from Dexie.dependencies when a database object is made, and
 * openHearthDatabase has no option for it, so it is swapped for the moment of construction.
 */
function openOn(factory: IDBFactory, name: string): HearthDatabase {
  const deps = Dexie.dependencies;
  const saved = { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
  deps.indexedDB = factory;
  deps.IDBKeyRange = IDBKeyRange;
  try {
    return openHearthDatabase(name);
  } finally {
    deps.indexedDB = saved.indexedDB;
    deps.IDBKeyRange = saved.IDBKeyRange;
  }
}

/**
 * One simulated tablet: a real Dexie database on its own fake-indexeddb, the real sync engine and
 * outbox sender, and the real HTTP transport, talking to the server through its own fault proxy.
 */
export class SimTablet {
  private readonly factory = new IDBFactory();
  private readonly dbName: string;
  private page = new AbortController();
  private readonly onlineListeners = new Set<() => void>();
  private readonly pageEvents: PageEvents = {
    addEventListener: (_type, listener) => void this.onlineListeners.add(listener),
    removeEventListener: (_type, listener) => void this.onlineListeners.delete(listener),
  };
  private readonly runs = new Set<Promise<unknown>>();
  private online = true;
  private clockOffsetMs = 0;
  readonly transport: Transport;
  db: HearthDatabase;
  engine: SyncEngine;
  /** Every event whose outbox row was committed on this tablet, seen at the storage layer whatever wrote it. */
  readonly committed: HearthEvent[] = [];
  /** Ids whose outbox row was deleted in a committed transaction: what the tablet now shows as sent. */
  readonly shownAsSent = new Set<string>();

  readonly clock: Clock = {
    now: () => new Date(Date.now() + this.clockOffsetMs),
    randomBytes: (count) => new Uint8Array(randomBytes(count)),
  };

  constructor(
    readonly deviceId: string,
    proxyUrl: string,
    private readonly login: BrowserLogin,
    private readonly random: () => number,
  ) {
    this.dbName = `hearth-chaos-${deviceId}`;
    const fetchImpl = browserFetch(new Map(login.cookies), () => this.online, () => this.page.signal);
    this.transport = createHttpTransport(proxyUrl, fetchImpl);
    this.db = this.openDb();
    this.engine = this.newEngine();
  }

  private openDb(): HearthDatabase {
    // Opened and unlocked again after each crash, as the organiser would (the data key is only in memory).
    const db = holdTestDataKey(openOn(this.factory, this.dbName));
    // Counted only when the transaction commits: an aborted one (a crash mid-write) leaves no trace.
    // The row's event is sealed: its place in commit order is taken at once, and filled once opened.
    db.outbox.hook('creating', (_key, item, transaction) => {
      const row = structuredClone(item);
      transaction.on('complete', () => {
        const slot = this.committed.push(row.event as HearthEvent) - 1;
        void openOutboxItem(db, row).then((opened) => (this.committed[slot] = opened.event));
      });
    });
    db.outbox.hook('deleting', (key, _item, transaction) => {
      transaction.on('complete', () => this.shownAsSent.add(key));
    });
    return db;
  }

  /** What signing in once while online leaves on the tablet: the session and the device id. Then the engine starts. */
  async setUp(): Promise<void> {
    await saveSession(this.db, this.login.session, this.clock.now());
    await getOrCreateDevice(this.db, 'Chaos tablet', () => this.deviceId);
    this.engine.start();
  }

  private newEngine(db = this.db): SyncEngine {
    return createSyncEngine({ db, transport: this.transport, now: this.clock.now, random: this.random, page: this.pageEvents, ...ENGINE_TIMING });
  }

  /**
   * The app open in a second tab on the same storage: its own Dexie instance and sync engine, syncing
   * while this one may be too. Two senders may overlap; nothing may be doubled or lost because of it.
   */
  async syncInSecondTab(): Promise<SyncRunResult> {
    const db = this.openDb();
    try {
      return await this.newEngine(db).syncNow();
    } finally {
      db.close();
    }
  }

  /** "Sync now". The run is tracked so that the end of a sequence can wait for every run to finish. */
  syncNow(): Promise<SyncRunResult> {
    const run = this.engine.syncNow();
    this.runs.add(run);
    void run.finally(() => this.runs.delete(run));
    return run;
  }

  goOffline(): void {
    this.online = false;
  }

  goOnline(): void {
    this.online = true;
    for (const listener of [...this.onlineListeners]) listener();
  }

  setClockOffset(ms: number): void {
    this.clockOffsetMs = ms;
  }

  /**
   * The page is killed: its requests are cut, the database closes (hard: as a crash does, aborting
   * transactions still open) and the run in flight is abandoned. Then the app starts again on the same storage.
   */
  async kill(hard: boolean): Promise<void> {
    this.engine.stop();
    this.page.abort();
    // fake-indexeddb's types name the class where it means an instance.
    if (hard && this.db.isOpen()) forceCloseDatabase(this.db.backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0]);
    this.db.close();
    this.page = new AbortController();
    this.db = this.openDb();
    this.engine = this.newEngine();
    this.engine.start();
  }

  countOutbox(): Promise<number> {
    return countOutbox(this.db);
  }

  outboxIds(): Promise<string[]> {
    return listOutbox(this.db).then((items) => items.map((item) => item.id));
  }

  /** Stops the engine and waits for runs still going (abandoned ones included), then closes the database. */
  async shutDown(): Promise<void> {
    this.engine.stop();
    await Promise.allSettled([...this.runs]);
    this.db.close();
  }
}
