import type { HearthDatabase } from './database';
import { forgetPartials } from './partial-files';
import { fileShasOf, outboxVisitId } from './sealed-records';

const HOUR_MS = 3_600_000;

/**
 * Removes from the tablet the packs of visits whose outcome the office acknowledged at least
 * `retentionHours` ago, so a lost tablet holds as little as it can. Never before: a visit with any
 * record still waiting to be sent, or with an outcome not yet acknowledged, keeps its pack. A file
 * another pack on the tablet still uses (the same carer's film in two visits) stays. The visit's row
 * stays too, saying when the pack went; its decision is the office's to show.
 * Returns the visits whose packs were removed.
 */
export async function purgeExpiredPacks(db: HearthDatabase, now: Date, retentionHours: number): Promise<string[]> {
  const due = (await db.outcomes.toArray()).filter((o) => o.acknowledgedAt && now.getTime() - Date.parse(o.acknowledgedAt) >= retentionHours * HOUR_MS);
  const removed: string[] = [];
  for (const outcome of due) {
    const done = await db.transaction('rw', [db.visits, db.packs, db.files, db.outcomes, db.outbox, db.partialFiles, db.partialParts], async () => {
      // Checked again inside the transaction: the organiser may have undone and chosen again since.
      const current = await db.outcomes.get(outcome.visitId);
      if (!current || current.eventId !== outcome.eventId || !current.acknowledgedAt) return false;
      const waiting = (await db.outbox.toArray()).some((item) => outboxVisitId(item) === outcome.visitId);
      if (waiting) return false;
      const pack = await db.packs.get(outcome.visitId);
      // Only the clear SHA-256 lists are read: no key is needed, and none may be awaited in here.
      const stillUsed = new Set((await db.packs.toArray()).filter((p) => p.visitId !== outcome.visitId).flatMap(fileShasOf));
      const unused = (pack ? fileShasOf(pack) : []).filter((sha) => !stillUsed.has(sha));
      await db.files.bulkDelete(unused);
      // And any half-downloaded copy of them (a later download that never finished).
      await forgetPartials(db, unused);
      await db.packs.delete(outcome.visitId);
      await db.outcomes.delete(outcome.visitId);
      await db.visits.update(outcome.visitId, {
        packStatus: 'not-downloaded',
        bytesStored: 0,
        readyAt: null,
        packError: null,
        packRemovedAt: now.toISOString(),
      });
      return true;
    });
    if (done) removed.push(outcome.visitId);
  }
  return removed;
}
