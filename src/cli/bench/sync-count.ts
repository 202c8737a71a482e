import { contentHash } from '../../server/events/store-events';
import type { BenchLedger } from './sim-tablet';
import type { BenchWorld } from './sync-world';

export interface StoredCount {
  rows: number;
  /** Acknowledged, but not in the database. */
  lost: number;
  /** Rows beyond one per id. */
  duplicated: number;
  /** Stored with another content hash than the one acknowledged. */
  changed: number;
  /** In the database but never acknowledged to a tablet (every push here is retried until it is). */
  unexpected: number;
  /** Follow-ups opened (one per outcome other than 'chosen'), and how many the acknowledged events call for. */
  followUps: number;
  expectedFollowUps: number;
  problems: string[];
}

/** Opens the database the server used (after it has stopped) and compares it with every acknowledgement. */
export async function countStored(world: BenchWorld, ledgers: readonly BenchLedger[]): Promise<StoredCount> {
  const events = ledgers.flatMap((l) => [...l.acked.values()]);
  const acked = new Map(events.map((event) => [event.id, contentHash(event)]));
  const db = await world.open();
  try {
    const rows = await db.query<{ id: string; content_hash: string }>('select id, content_hash from events where organisation_id = $1', [
      world.organisationId,
    ]);
    const [followUps] = await db.query<{ n: number }>('select count(*)::int as n from follow_ups where organisation_id = $1', [world.organisationId]);
    const stored = new Map<string, string>();
    let duplicated = 0;
    let changed = 0;
    let unexpected = 0;
    const problems: string[] = [];
    for (const row of rows) {
      if (stored.has(row.id)) duplicated += 1;
      stored.set(row.id, row.content_hash);
      const ackedHash = acked.get(row.id);
      if (ackedHash === undefined) unexpected += 1;
      else if (ackedHash !== row.content_hash) {
        changed += 1;
        problems.push(`${row.id}: stored content differs from what was acknowledged`);
      }
    }
    const lostIds = [...acked.keys()].filter((id) => !stored.has(id));
    problems.push(...lostIds.slice(0, 10).map((id) => `${id}: acknowledged but not in the database`));
    const expectedFollowUps = events.filter((e) => e.type === 'OutcomeRecorded' && e.payload.outcome !== 'chosen').length;
    if (followUps!.n !== expectedFollowUps) problems.push(`${followUps!.n} follow-ups for ${expectedFollowUps} outcomes that need one`);
    if (unexpected > 0) problems.push(`${unexpected} stored events were never acknowledged`);
    return { rows: rows.length, lost: lostIds.length, duplicated, changed, unexpected, followUps: followUps!.n, expectedFollowUps, problems };
  } finally {
    await db.close();
  }
}
