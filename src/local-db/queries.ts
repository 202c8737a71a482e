import type { SessionInfo } from '../domain/api';
import type { PersonModeSettings } from '../domain/person-mode';
import type {
  DeviceRecord,
  HearthDatabase,
  LocalVisit,
  OutboxItem,
  OutcomeRecord,
  PackRecord,
  SessionRecord,
  StoredFile,
  SyncStateRecord,
} from './database';
import {
  openFile,
  openOutboxItem,
  openOutcome,
  openPack,
  openPersonModeSettings,
  openSession,
  openVisit,
  sealSession,
} from './sealed-records';

export async function getSession(db: HearthDatabase): Promise<SessionRecord | undefined> {
  const stored = await db.session.get('current');
  return stored && openSession(db, stored);
}

/** True when someone is signed in on this tablet, known without the data key (the names are sealed). */
export async function hasSession(db: HearthDatabase): Promise<boolean> {
  return (await db.session.get('current')) !== undefined;
}

export async function saveSession(db: HearthDatabase, session: SessionInfo, now: Date): Promise<void> {
  const sealed = await sealSession(db, { key: 'current', session, signedInAt: now.toISOString() });
  await db.session.put(sealed);
}

/**
 * Signs the organiser out on this tablet. Unsent records stay in the outbox: they are never dropped,
 * but they stay sealed until the next sign-in brings the data key back (the key leaves memory now).
 */
export async function clearSession(db: HearthDatabase): Promise<void> {
  await db.session.delete('current');
  db.dataKey.drop();
}

export async function listVisits(db: HearthDatabase): Promise<LocalVisit[]> {
  const stored = await db.visits.toArray();
  const visits = await Promise.all(stored.map((v) => openVisit(db, v)));
  return visits.sort((a, b) => a.summary.plannedAt.localeCompare(b.summary.plannedAt));
}

export async function getVisit(db: HearthDatabase, visitId: string): Promise<LocalVisit | undefined> {
  const stored = await db.visits.get(visitId);
  return stored && openVisit(db, stored);
}

export async function getPack(db: HearthDatabase, visitId: string): Promise<PackRecord | undefined> {
  const stored = await db.packs.get(visitId);
  return stored && openPack(db, stored);
}

/** A stored film or photo with its plain Blob (decrypted piece by piece). */
export async function getFile(db: HearthDatabase, sha256: string): Promise<StoredFile | undefined> {
  const stored = await db.files.get(sha256);
  return stored && openFile(db, stored);
}

export async function getOutcome(db: HearthDatabase, visitId: string): Promise<OutcomeRecord | undefined> {
  const stored = await db.outcomes.get(visitId);
  return stored && openOutcome(db, stored);
}

export async function listOutbox(db: HearthDatabase): Promise<OutboxItem[]> {
  const stored = await db.outbox.orderBy('queuedAt').toArray();
  return Promise.all(stored.map((item) => openOutboxItem(db, item)));
}

/** Records the office refused or could not take, with the reason, each with the name of the person it is about. */
export async function listFailedOutbox(db: HearthDatabase): Promise<{ item: OutboxItem; personFirstName: string | null }[]> {
  // Everything is read before anything is opened: a live query only sees the reads made before its first non-Dexie await.
  const [storedItems, storedVisits] = await Promise.all([db.outbox.orderBy('queuedAt').toArray(), db.visits.toArray()]);
  const failed = await Promise.all(storedItems.filter((item) => item.lastError !== null).map((item) => openOutboxItem(db, item)));
  const wanted = new Set(failed.map((item) => item.event.visitId));
  const visits = await Promise.all(storedVisits.filter((v) => wanted.has(v.id)).map((v) => openVisit(db, v)));
  const nameOf = new Map(visits.map((v) => [v.id, v.summary.personFirstName] as const));
  return failed.map((item) => ({ item, personFirstName: nameOf.get(item.event.visitId) ?? null }));
}

export function countOutbox(db: HearthDatabase): Promise<number> {
  return db.outbox.count();
}

const NEVER_SYNCED: SyncStateRecord = { key: 'state', lastSuccessAt: null, lastAttemptAt: null, lastError: null };

export async function getSyncState(db: HearthDatabase): Promise<SyncStateRecord> {
  return (await db.syncState.get('state')) ?? NEVER_SYNCED;
}

export async function updateSyncState(
  db: HearthDatabase,
  change: Partial<Omit<SyncStateRecord, 'key'>>,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const current = (await db.syncState.get('state')) ?? NEVER_SYNCED;
    await db.syncState.put({ ...current, ...change, key: 'state' });
  });
}

/** This tablet's identity, if it has been signed in on once. */
export function getDevice(db: HearthDatabase): Promise<DeviceRecord | undefined> {
  return db.device.get('this');
}

/**
 * This tablet's identity, made once. `makeId` is passed in (crypto.randomUUID in the app)
 * so tests can fix it.
 */
export async function getOrCreateDevice(db: HearthDatabase, label: string, makeId: () => string): Promise<DeviceRecord> {
  return db.transaction('rw', db.device, async () => {
    const existing = await db.device.get('this');
    if (existing) return existing;
    const device: DeviceRecord = { key: 'this', deviceId: makeId(), label };
    await db.device.add(device);
    return device;
  });
}

/** Settings the organiser changed on this tablet for a person, if any. */
export async function getLocalPersonModeSettings(db: HearthDatabase, personId: string): Promise<PersonModeSettings | undefined> {
  const stored = await db.personModeSettings.get(personId);
  return stored && (await openPersonModeSettings(db, stored)).settings;
}
