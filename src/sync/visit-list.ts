import type { VisitSummary } from '../domain/visits';
import type { HearthDatabase, LocalVisit } from '../local-db/database';
import type { Transport } from './transport';

/**
 * Brings the office's list of planned visits onto the tablet. The state of each offline pack is
 * kept; a visit the office no longer lists is dropped only if nothing of it is on the tablet.
 */
export async function refreshVisits(db: HearthDatabase, transport: Transport): Promise<VisitSummary[]> {
  const summaries = await transport.listVisits();
  await db.transaction('rw', db.visits, async () => {
    const listed = new Set(summaries.map((s) => s.id));
    for (const local of await db.visits.toArray()) {
      if (!listed.has(local.id) && local.packStatus === 'not-downloaded') await db.visits.delete(local.id);
    }
    for (const summary of summaries) {
      const existing = await db.visits.get(summary.id);
      const next: LocalVisit = existing
        ? { ...existing, summary }
        : { id: summary.id, summary, packStatus: 'not-downloaded', bytesTotal: 0, bytesStored: 0, packError: null, readyAt: null };
      await db.visits.put(next);
    }
  });
  return summaries;
}
