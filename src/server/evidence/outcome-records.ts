import type { EvidenceOutcome, OutcomeStanding } from '../../domain/evidence';
import type { OutcomeRecordedPayload } from '../../domain/events';

export interface OutcomeEventRow {
  id: string;
  type: 'OutcomeRecorded' | 'OutcomeWithdrawn';
  payload: OutcomeRecordedPayload | { withdrawsEventId: string };
  occurred_at: Date;
  received_at: Date;
  device_label: string;
}

export interface ConflictRow {
  kind: 'different-outcomes' | 'shortlist-changed';
  event_id: string;
  other_event_id: string | null;
  resolved_at: Date | null;
  kept_event_id: string | null;
}

const iso = (d: Date) => new Date(d).toISOString();

/**
 * Every outcome recorded for a visit, oldest received first, each with where it stands. Which one is
 * the visit's decision comes from the office's own rule (listVisits): `currentEventId`.
 */
export function outcomeRecords(
  events: readonly OutcomeEventRow[],
  conflicts: readonly ConflictRow[],
  currentEventId: string | null,
  nameOf: (carerId: string) => string,
): EvidenceOutcome[] {
  const withdrawals = new Map<string, OutcomeEventRow>();
  for (const e of events) {
    if (e.type === 'OutcomeWithdrawn') withdrawals.set((e.payload as { withdrawsEventId: string }).withdrawsEventId, e);
  }
  const setAside = new Set(
    conflicts
      .filter((c) => c.kind === 'different-outcomes' && c.kept_event_id !== null)
      .flatMap((c) => [c.event_id, c.other_event_id!].filter((id) => id !== c.kept_event_id)),
  );
  const standingOf = (id: string): OutcomeStanding => {
    if (id === currentEventId) return 'current';
    if (withdrawals.has(id)) return 'withdrawn';
    if (setAside.has(id)) return 'set-aside';
    return 'earlier';
  };

  return events
    .filter((e) => e.type === 'OutcomeRecorded')
    .map((e) => {
      const p = e.payload as OutcomeRecordedPayload;
      const withdrawal = withdrawals.get(e.id);
      return {
        eventId: e.id,
        standing: standingOf(e.id),
        outcome: p.outcome,
        chosenCarerName: p.chosenCarerId === null ? null : nameOf(p.chosenCarerId),
        meetFirstNames: (p.meetFirstCarerIds ?? []).map(nameOf),
        shown: p.orderShown.map((id) => ({ name: nameOf(id), reaction: p.reactions?.find((r) => r.carerId === id)?.reaction ?? null })),
        presentation: p.presentation ?? null,
        language: p.language ?? null,
        howDecided: p.howDecided ?? null,
        decidedAt: iso(e.occurred_at),
        receivedAt: iso(e.received_at),
        deviceLabel: e.device_label,
        withdrawal: withdrawal
          ? { occurredAt: iso(withdrawal.occurred_at), receivedAt: iso(withdrawal.received_at), deviceLabel: withdrawal.device_label }
          : null,
      };
    });
}

/** Every carer id an outcome record names, so their names can be looked up at once. */
export function carerIdsOf(events: readonly OutcomeEventRow[]): string[] {
  return events.flatMap((e) => {
    if (e.type !== 'OutcomeRecorded') return [];
    const p = e.payload as OutcomeRecordedPayload;
    return [...p.orderShown, ...(p.chosenCarerId ? [p.chosenCarerId] : []), ...(p.meetFirstCarerIds ?? [])];
  });
}
