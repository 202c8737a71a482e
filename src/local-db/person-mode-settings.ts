import type { HearthDatabase } from './database';
import { outboxSettingsPersonId } from './sealed-records';

/** A person's local settings as they were just before a pack was fetched. */
export interface LocalSettingsCheck {
  personId: string;
  changedAt: string;
  /** True when the office has acknowledged the change: no PersonModeSettingsChanged for this person waits in the outbox. */
  settled: boolean;
}

/** The outbox is small (it empties on every sync), so a scan is enough. */
async function hasWaitingChange(db: HearthDatabase, personId: string): Promise<boolean> {
  // The person's id and the event's type are kept in clear on the row (random id), so no key is needed in a transaction.
  const waiting = await db.outbox.filter((item) => outboxSettingsPersonId(item) === personId).count();
  return waiting > 0;
}

/**
 * Reads the person's local settings and whether the office already has them. Call it BEFORE fetching
 * a pack: only a change acknowledged before the fetch can already be in that pack.
 */
export async function checkLocalPersonModeSettings(db: HearthDatabase, personId: string): Promise<LocalSettingsCheck | undefined> {
  return db.transaction('r', db.personModeSettings, db.outbox, async () => {
    const record = await db.personModeSettings.get(personId);
    if (!record) return undefined;
    return { personId, changedAt: record.changedAt, settled: !(await hasWaitingChange(db, personId)) };
  });
}

/**
 * Lets a newly stored pack's settings count again: drops the local record checked before the fetch,
 * if it was settled then and is still the same record now. Must run inside the transaction that
 * stores the pack, over personModeSettings and outbox. Returns whether it dropped it.
 */
export async function dropSettledPersonModeSettings(db: HearthDatabase, check: LocalSettingsCheck | undefined): Promise<boolean> {
  // Still waiting at fetch time: the pack was built before the office had the change, even if the ack came since.
  if (!check?.settled) return false;
  const current = await db.personModeSettings.get(check.personId);
  // Changed again during the download: that newer change is not in the pack.
  if (current?.changedAt !== check.changedAt) return false;
  // A change waiting now is never dropped (guards two changes stamped in the same millisecond).
  if (await hasWaitingChange(db, check.personId)) return false;
  await db.personModeSettings.delete(check.personId);
  return true;
}
