import type { HearthDatabase } from '../local-db/database';
import { purgeExpiredPacks } from '../local-db/pack-retention';
import { countOutbox, getSession, updateSyncState } from '../local-db/queries';
import { pushOutbox, type PushSummary } from './outbox-sender';
import type { Transport } from './transport';
import { refreshVisits } from './visit-list';

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncRunResult {
  status: SyncStatus;
  push: PushSummary | null;
}

export interface SyncEngine {
  /** Listens for the triggers (online, visible, timer) and runs once now. */
  start(): void;
  stop(): void;
  /** Runs a sync now, or joins the one already running: only one run at a time. */
  syncNow(): Promise<SyncRunResult>;
  getStatus(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

/** Where the page's events come from; the real window and document in the app, fakes in tests. */
export interface PageEvents {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
}
export interface PageVisibility {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface SyncEngineOptions {
  db: HearthDatabase;
  transport: Transport;
  now?: () => Date;
  random?: () => number;
  /** How often to sync while the app is visible. */
  intervalMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  page?: PageEvents;
  visibility?: PageVisibility;
  /**
   * Runs `fn` holding a lock shared by every tab of the app (navigator.locks in the browser), so two
   * open tabs never send at once. Without one, one run at a time holds within this page only; the
   * office's idempotent store keeps a double send harmless either way.
   */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export const SYNC_INTERVAL_MS = 30_000;
/** A session saved before organisations had a retention setting keeps packs this long after the office has the outcome. */
export const DEFAULT_PACK_RETENTION_HOURS = 24;
export const SYNC_RETRY_BASE_MS = 2_000;
export const SYNC_RETRY_MAX_MS = 5 * 60_000;

/**
 * Sending is driven by the page: iPad Safari has no Background Sync. Triggers: start, the
 * connection coming back, the app becoming visible, a timer while visible, and "Sync now".
 * After a failure the next try backs off exponentially, with jitter so tablets don't retry together.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const {
    db,
    transport,
    now = () => new Date(),
    random = Math.random,
    intervalMs = SYNC_INTERVAL_MS,
    retryBaseMs = SYNC_RETRY_BASE_MS,
    retryMaxMs = SYNC_RETRY_MAX_MS,
    page,
    visibility,
    exclusive = (fn) => fn(),
  } = options;

  let status: SyncStatus = 'idle';
  let running: Promise<SyncRunResult> | null = null;
  let failures = 0;
  let started = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(s: SyncStatus) => void>();

  const setStatus = (next: SyncStatus) => {
    status = next;
    for (const listener of listeners) listener(next);
  };

  async function runOnce(): Promise<SyncRunResult> {
    setStatus('syncing');
    await updateSyncState(db, { lastAttemptAt: now().toISOString() });
    if (!(await transport.health())) {
      await updateSyncState(db, { lastError: 'No connection to the office right now.' });
      return { status: 'offline', push: null };
    }
    const push = await pushOutbox(db, transport, now);
    if (push.outcome === 'offline') return { status: 'offline', push };
    if (push.outcome === 'signed-out' || push.outcome === 'refused' || push.outcome === 'partly-sent') {
      return { status: 'error', push };
    }
    const session = await getSession(db);
    if (session) {
      await refreshVisits(db, transport).catch(() => undefined); // the list is a convenience; sending is what matters
      // Only after a run in which everything waiting reached the office (this point): see purgeExpiredPacks.
      await purgeExpiredPacks(db, now(), session.session.organisation.packRetentionHours ?? DEFAULT_PACK_RETENTION_HOURS);
    }
    await updateSyncState(db, { lastSuccessAt: now().toISOString(), lastError: null });
    return { status: 'idle', push };
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    if (!started) return;
    const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(failures - 1, 20));
    const delay = ceiling / 2 + (random() * ceiling) / 2;
    retryTimer = setTimeout(() => void syncNow(), delay);
  }

  function syncNow(): Promise<SyncRunResult> {
    if (running) return running;
    running = exclusive(runOnce)
      .catch(async (error: unknown): Promise<SyncRunResult> => {
        const message = error instanceof Error ? error.message : String(error);
        await updateSyncState(db, { lastError: message }).catch(() => undefined);
        return { status: 'error', push: null };
      })
      .then(async (result) => {
        failures = result.status === 'idle' ? 0 : failures + 1;
        setStatus(result.status);
        if (result.status !== 'idle' && (await countOutbox(db).catch(() => 0)) > 0) scheduleRetry();
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const onOnline = () => void syncNow();
  const onVisibility = () => {
    if (visibility?.visibilityState === 'visible') void syncNow();
  };

  return {
    start() {
      if (started) return;
      started = true;
      page?.addEventListener('online', onOnline);
      visibility?.addEventListener('visibilitychange', onVisibility);
      timer = setInterval(() => {
        if (!visibility || visibility.visibilityState === 'visible') void syncNow();
      }, intervalMs);
      void syncNow();
    },
    stop() {
      started = false;
      page?.removeEventListener('online', onOnline);
      visibility?.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
      clearTimeout(retryTimer);
    },
    syncNow,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
