import type { VisitSummary } from '../domain/visits';
import type { HearthDatabase } from '../local-db/database';
import { sealVisit } from '../local-db/sealed-records';
import type { Transport } from './transport';

/**
 * Brings the office's list of planned visits onto the tablet. The state of each offline pack is
 * kept; a visit the office no longer lists is dropped only if nothing of it is on the tablet.
 */
export async function refreshVisits(db: HearthDatabase, transport: Transport): Promise<VisitSummary[]> {
  const summaries = await transport.listVisits();
  // Each summary is sealed before the transaction (WebCrypto cannot run inside one); the pack's state
  // is kept in clear, so it is merged inside.
  const sealed = await Promise.all(
    summaries.map((summary) =>
      sealVisit(db, { id: summary.id, summary, packStatus: 'not-downloaded', bytesTotal: 0, bytesStored: 0, packError: null, readyAt: null }),
    ),
  );
  await db.transaction('rw', db.visits, async () => {
    const listed = new Set(summaries.map((s) => s.id));
    for (const local of await db.visits.toArray()) {
      if (!listed.has(local.id) && local.packStatus === 'not-downloaded') await db.visits.delete(local.id);
    }
    for (const fresh of sealed) {
      const existing = await db.visits.get(fresh.id);
      const { summary: _clearSummary, ...kept } = existing ?? fresh;
      await db.visits.put(existing ? { ...kept, sealed: fresh.sealed } : fresh);
    }
  });
  return summaries;
}
