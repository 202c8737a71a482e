import { canonicalJson, type HearthEvent } from '../../src/domain/events';
import { contentHash } from '../../src/server/events/store-events';

/** One row of the office's events table, with how many times its id is there and its follow-ups. */
export interface ServerEventRow {
  id: string;
  deviceId: string;
  type: string;
  payload: unknown;
  contentHash: string;
  /** The office's order of receipt. */
  receivedSeq: number;
  copies: number;
  followUps: number;
}

/** What one sequence left behind, as far as the comparison needs. */
export interface TabletsOutcome {
  committed: HearthEvent[];
  shownAsSent: ReadonlySet<string>;
  /** Events whose record call resolved (the screen said "saved"). */
  saved: readonly string[];
  /** Event ids of the outcomes the tablets still hold. */
  localOutcomes: readonly string[];
  leftInOutbox: readonly string[];
}

export interface Verdict {
  events: number;
  /** Committed on a tablet but not at the office as committed (missing, changed, or an effect missing). */
  lost: string[];
  /** At the office more than once, an effect applied twice, or at the office though no tablet committed it. */
  duplicated: string[];
}

/** A follow-up is opened once for each outcome other than a choice, never for anything else. */
function expectedFollowUps(event: HearthEvent): number {
  return event.type === 'OutcomeRecorded' && event.payload.outcome !== 'chosen' ? 1 : 0;
}

/**
 * Compares what the tablets committed with what the office stored for their devices: every id exactly
 * once, with the same content hash and payload, each effect once; nothing extra.
 */
export function verifySequence(tablets: TabletsOutcome, rows: readonly ServerEventRow[]): Verdict {
  const lost: string[] = [];
  const duplicated: string[] = [];
  const stored = new Map(rows.map((row) => [row.id, row]));
  const committedIds = new Set<string>();

  for (const event of tablets.committed) {
    const what = `${event.type} ${event.id}`;
    if (committedIds.has(event.id)) duplicated.push(`${what} was committed twice on the tablets`);
    committedIds.add(event.id);
    const row = stored.get(event.id);
    if (!row) {
      const where = tablets.leftInOutbox.includes(event.id)
        ? 'still in the outbox after the drain'
        : tablets.shownAsSent.has(event.id)
          ? 'though the tablet shows it as sent'
          : 'and not in the outbox either';
      lost.push(`${what} is not at the office, ${where}`);
      continue;
    }
    if (row.copies > 1) duplicated.push(`${what} is stored ${row.copies} times`);
    if (row.contentHash !== contentHash(event) || row.type !== event.type || canonicalJson(row.payload) !== canonicalJson(event.payload)) {
      lost.push(`${what} is at the office with other content`);
    }
    const followUps = expectedFollowUps(event);
    if (row.followUps > followUps) duplicated.push(`${what} opened ${row.followUps} follow-ups (expected ${followUps})`);
    if (row.followUps < followUps) lost.push(`${what} opened no follow-up`);
  }
  for (const row of rows) {
    if (!committedIds.has(row.id)) duplicated.push(`${row.type} ${row.id} is at the office though no tablet committed it`);
  }
  for (const id of tablets.saved) {
    if (!committedIds.has(id)) lost.push(`${id} was shown as saved but its outbox row was never committed`);
  }
  for (const id of tablets.localOutcomes) {
    if (!committedIds.has(id)) lost.push(`the tablet holds outcome ${id} but its event never reached the outbox (a torn write)`);
  }
  lost.push(...settingsOutOfOrder(tablets.committed, stored));
  return { events: committedIds.size, lost, duplicated };
}

/**
 * The office keeps the settings it received last, so one tablet's changes for a person must arrive in
 * the order they were made: an older change received after a newer one silently undoes the newer.
 */
function settingsOutOfOrder(committed: readonly HearthEvent[], stored: ReadonlyMap<string, ServerEventRow>): string[] {
  const latest = new Map<string, { id: string; seq: number }>();
  const found: string[] = [];
  for (const event of committed) {
    if (event.type !== 'PersonModeSettingsChanged') continue;
    const row = stored.get(event.id);
    if (!row) continue;
    const key = `${event.deviceId} ${event.payload.personId}`;
    const before = latest.get(key);
    if (before && before.seq > row.receivedSeq) {
      found.push(`PersonModeSettingsChanged ${before.id} (older) reached the office after ${event.id} (newer) from the same tablet, so the newer settings are overwritten`);
    }
    if (!before || row.receivedSeq > before.seq) latest.set(key, { id: event.id, seq: row.receivedSeq });
  }
  return found;
}
