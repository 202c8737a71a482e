import { randomUUID } from 'node:crypto';
import type { HearthEvent } from '../../domain/events';
import type { Db } from '../database/db';
import { closeConflictsOfWithdrawn, raiseOutcomeConflicts } from '../conflicts/detect-conflicts';

export const WITHDRAWN_NOTE = 'withdrawn on the tablet';

/**
 * What a newly stored event changes beyond the events table, in the same transaction. Runs once per
 * event (never for a resend), so a retried push cannot open a second follow-up.
 */
export async function applyEvent(tx: Db, organisationId: string, event: HearthEvent, receivedSeq: number): Promise<void> {
  switch (event.type) {
    case 'OutcomeRecorded': {
      await raiseOutcomeConflicts(tx, organisationId, event);
      const { outcome, meetFirstCarerIds } = event.payload;
      if (outcome === 'chosen') return;
      await tx.query(
        `insert into follow_ups (id, organisation_id, visit_id, event_id, kind, meet_first_carer_ids)
         values ($1, $2, $3, $4, $5, $6::jsonb)`,
        [randomUUID(), organisationId, event.visitId, event.id, outcome, JSON.stringify(meetFirstCarerIds ?? [])],
      );
      return;
    }
    case 'OutcomeWithdrawn':
      await closeConflictsOfWithdrawn(tx, organisationId, event.payload.withdrawsEventId);
      // An office decision already recorded on the follow-up stays as it was.
      await tx.query(
        `update follow_ups set resolved_at = now(), resolved_by = null, note = $3
          where organisation_id = $1 and event_id = $2 and resolved_at is null`,
        [organisationId, event.payload.withdrawsEventId, WITHDRAWN_NOTE],
      );
      return;
    case 'PersonModeSettingsChanged':
      // The latest received wins, even if a push that reached the office earlier commits later.
      await tx.query(
        `update people set person_mode = $3::jsonb, person_mode_seq = $4
          where organisation_id = $1 and id = $2 and (person_mode_seq is null or person_mode_seq < $4)`,
        [organisationId, event.payload.personId, JSON.stringify(event.payload.settings), receivedSeq],
      );
      return;
  }
}
