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

export function getSession(db: HearthDatabase): Promise<SessionRecord | undefined> {
  return db.session.get('current');
}

export async function saveSession(db: HearthDatabase, session: SessionInfo, now: Date): Promise<void> {
  await db.session.put({ key: 'current', session, signedInAt: now.toISOString() });
}

/** Signs the organiser out on this tablet. Unsent records stay in the outbox: they are never dropped. */
export async function clearSession(db: HearthDatabase): Promise<void> {
  await db.session.delete('current');
}

export async function listVisits(db: HearthDatabase): Promise<LocalVisit[]> {
  const visits = await db.visits.toArray();
  return visits.sort((a, b) => a.summary.plannedAt.localeCompare(b.summary.plannedAt));
}

export function getVisit(db: HearthDatabase, visitId: string): Promise<LocalVisit | undefined> {
  return db.visits.get(visitId);
}

export function getPack(db: HearthDatabase, visitId: string): Promise<PackRecord | undefined> {
  return db.packs.get(visitId);
}

export function getFile(db: HearthDatabase, sha256: string): Promise<StoredFile | undefined> {
  return db.files.get(sha256);
}

export function getOutcome(db: HearthDatabase, visitId: string): Promise<OutcomeRecord | undefined> {
  return db.outcomes.get(visitId);
}

export function listOutbox(db: HearthDatabase): Promise<OutboxItem[]> {
  return db.outbox.orderBy('queuedAt').toArray();
}

/** Records the office refused or could not take, with the reason, each with the name of the person it is about. */
export async function listFailedOutbox(db: HearthDatabase): Promise<{ item: OutboxItem; personFirstName: string | null }[]> {
  const failed = (await listOutbox(db)).filter((item) => item.lastError !== null);
  const visits = await db.visits.bulkGet([...new Set(failed.map((item) => item.event.visitId))]);
  const nameOf = new Map(visits.flatMap((v) => (v ? [[v.id, v.summary.personFirstName] as const] : [])));
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
  return (await db.personModeSettings.get(personId))?.settings;
}
