import { randomUUID } from 'node:crypto';
import type { HearthEvent, OutcomeRecorded, OutcomeWithdrawn, PersonModeSettingsChanged } from '../../domain/events';
import { closeConflictsOfWithdrawn, raiseOutcomeConflicts } from '../conflicts/detect-conflicts';
import type { Db } from '../database/db';
import type { PushFacts } from './check-event';

export const WITHDRAWN_NOTE = 'withdrawn on the tablet';

/** An event stored just now, for its organisation, with the number the office received it under. */
export interface NewlyStored<E extends HearthEvent = HearthEvent> {
  organisationId: string;
  event: E;
  receivedSeq: number;
}

const ofType = <T extends HearthEvent['type']>(stored: readonly NewlyStored[], type: T) =>
  stored.filter((s): s is NewlyStored<Extract<HearthEvent, { type: T }>> => s.event.type === type);

/**
 * What newly stored events change beyond the events table, in the transaction that stored them: a
 * statement or two for each kind of change, whatever the number of events. Runs once per event (never
 * for a resend), so a retried push cannot open a second follow-up. `stored` are all in the events table
 * already, withdrawals included, so what follows sees the batch as one:
 * - an answer other than "chosen" opens a follow-up; a withdrawal closes its outcome's follow-up (an
 *   office decision already recorded on it stays) and the conflicts it was part of;
 * - a person's settings: the latest received wins, even if a push that reached the office earlier commits later;
 * - conflicts are raised last, against the answers that still stand (detect-conflicts.ts).
 */
export async function applyNewEvents(tx: Db, stored: readonly NewlyStored[], facts: PushFacts): Promise<void> {
  const outcomes = ofType(stored, 'OutcomeRecorded');
  const withdrawals = ofType(stored, 'OutcomeWithdrawn');
  const settings = ofType(stored, 'PersonModeSettingsChanged');

  await openFollowUps(tx, outcomes);
  if (withdrawals.length > 0) await closeWithdrawn(tx, withdrawals);
  if (settings.length > 0) await saveLatestSettings(tx, settings);
  const withdrawnNow = new Set(withdrawals.map((w) => w.event.payload.withdrawsEventId));
  // An answer withdrawn in the same batch never stood, so it raises nothing.
  await raiseOutcomeConflicts(
    tx,
    outcomes.filter((o) => !withdrawnNow.has(o.event.id)),
    facts,
  );
}

async function openFollowUps(tx: Db, outcomes: readonly NewlyStored<OutcomeRecorded>[]): Promise<void> {
  const rows = outcomes
    .filter((o) => o.event.payload.outcome !== 'chosen')
    .map(({ organisationId, event }) => ({
      id: randomUUID(),
      organisation_id: organisationId,
      visit_id: event.visitId,
      event_id: event.id,
      kind: event.payload.outcome,
      meet_first_carer_ids: event.payload.meetFirstCarerIds ?? [],
    }));
  if (rows.length === 0) return;
  await tx.query(
    `insert into follow_ups (id, organisation_id, visit_id, event_id, kind, meet_first_carer_ids)
     select f.id, f.organisation_id, f.visit_id, f.event_id, f.kind, f.meet_first_carer_ids
       from jsonb_to_recordset($1::jsonb)
         as f(id uuid, organisation_id uuid, visit_id uuid, event_id uuid, kind text, meet_first_carer_ids jsonb)`,
    [JSON.stringify(rows)],
  );
}

async function closeWithdrawn(tx: Db, withdrawals: readonly NewlyStored<OutcomeWithdrawn>[]): Promise<void> {
  // Event ids are unique across organisations, and checkEvent let a tablet withdraw only its own organisation's.
  const withdrawn = withdrawals.map((w) => w.event.payload.withdrawsEventId);
  await closeConflictsOfWithdrawn(tx, withdrawn);
  await tx.query(
    `update follow_ups set resolved_at = now(), resolved_by = null, note = $2
      where event_id = any($1::uuid[]) and resolved_at is null`,
    [withdrawn, WITHDRAWN_NOTE],
  );
}

async function saveLatestSettings(tx: Db, settings: readonly NewlyStored<PersonModeSettingsChanged>[]): Promise<void> {
  const latest = new Map<string, NewlyStored<PersonModeSettingsChanged>>();
  for (const s of settings) {
    const key = `${s.organisationId}/${s.event.payload.personId}`;
    if ((latest.get(key)?.receivedSeq ?? -1) < s.receivedSeq) latest.set(key, s);
  }
  const rows = [...latest.values()].map(({ organisationId, event, receivedSeq }) => ({
    organisation_id: organisationId,
    person_id: event.payload.personId,
    settings: event.payload.settings,
    seq: receivedSeq,
  }));
  await tx.query(
    `update people p set person_mode = s.settings, person_mode_seq = s.seq
       from jsonb_to_recordset($1::jsonb) as s(organisation_id uuid, person_id uuid, settings jsonb, seq bigint)
      where p.organisation_id = s.organisation_id and p.id = s.person_id
        and (p.person_mode_seq is null or p.person_mode_seq < s.seq)`,
    [JSON.stringify(rows)],
  );
}
