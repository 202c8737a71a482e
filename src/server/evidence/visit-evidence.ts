import { funnelLeftOut, type EvidenceMatchRun, type VisitEvidence } from '../../domain/evidence';
import type { MatchResult } from '../../domain/matching/result';
import { describeConflict } from '../conflicts/describe-conflict';
import type { Db } from '../database/db';
import { describeFollowUp, type FollowUpKind } from '../follow-ups/describe-follow-up';
import { loadMatchRunEvidence } from '../matching/match-run-evidence';
import { listVisits } from '../visits/visit-queries';
import { carerIdsOf, outcomeRecords, type ConflictRow, type OutcomeEventRow } from './outcome-records';

const iso = (d: Date) => new Date(d).toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : iso(d));

/**
 * Everything the office holds about how one visit's decision was made, for its printable page: how the
 * shortlist was made, every outcome the tablets sent and where each stands, withdrawals, conflicts and
 * follow-ups. Read in one transaction, so the page is one consistent moment. Null when the organisation
 * has no such visit.
 */
export async function loadVisitEvidence(db: Db, organisationId: string, visitId: string): Promise<VisitEvidence | null> {
  return db.transaction(async (tx) => {
    // The visit's decision as every office screen shows it (latest received, not withdrawn, not set aside).
    const summary = (await listVisits(tx, organisationId)).find((v) => v.id === visitId);
    if (!summary) return null;
    const [facts] = await tx.query<{ organisation_name: string; referred_on: string | null }>(
      `select o.name as organisation_name, to_char(p.referred_on, 'YYYY-MM-DD') as referred_on
         from visits v
         join people p on p.organisation_id = v.organisation_id and p.id = v.person_id
         join organisations o on o.id = v.organisation_id
        where v.organisation_id = $1 and v.id = $2`,
      [organisationId, visitId],
    );
    const events = await tx.query<OutcomeEventRow>(
      `select e.id, e.type, e.payload, e.occurred_at, e.received_at, d.label as device_label
         from events e join devices d on d.organisation_id = e.organisation_id and d.id = e.device_id
        where e.organisation_id = $1 and e.visit_id = $2 and e.type in ('OutcomeRecorded', 'OutcomeWithdrawn')
        order by e.received_seq`,
      [organisationId, visitId],
    );
    const conflicts = await tx.query<ConflictRow & { created_at: Date; resolved_by_name: string | null; note: string | null }>(
      `select c.kind, c.event_id, c.other_event_id, c.created_at, c.resolved_at, u.name as resolved_by_name, c.kept_event_id, c.note
         from visit_conflicts c left join users u on u.organisation_id = c.organisation_id and u.id = c.resolved_by
        where c.organisation_id = $1 and c.visit_id = $2
        order by c.created_at, c.id`,
      [organisationId, visitId],
    );
    const followUps = await tx.query<{
      event_id: string;
      kind: FollowUpKind;
      meet_first_carer_ids: string[];
      created_at: Date;
      resolved_at: Date | null;
      resolved_by_name: string | null;
      note: string | null;
    }>(
      `select f.event_id, f.kind, f.meet_first_carer_ids, f.created_at, f.resolved_at, u.name as resolved_by_name, f.note
         from follow_ups f left join users u on u.organisation_id = f.organisation_id and u.id = f.resolved_by
        where f.organisation_id = $1 and f.visit_id = $2
        order by f.created_at, f.id`,
      [organisationId, visitId],
    );
    const changes = await tx.query<{ changed_at: Date; changed_by: string; from_carer_ids: string[]; to_carer_ids: string[]; reason: string }>(
      `select s.changed_at, u.name as changed_by, s.from_carer_ids, s.to_carer_ids, s.reason
         from shortlist_changes s join users u on u.organisation_id = s.organisation_id and u.id = s.changed_by
        where s.organisation_id = $1 and s.visit_id = $2
        order by s.changed_at, s.id`,
      [organisationId, visitId],
    );
    const shortlistNow = await tx.query<{ first_name: string }>(
      `select c.first_name from visit_candidates vc join carers c on c.organisation_id = vc.organisation_id and c.id = vc.carer_id
        where vc.organisation_id = $1 and vc.visit_id = $2 order by vc.position`,
      [organisationId, visitId],
    );

    const carerIds = [
      ...carerIdsOf(events),
      ...changes.flatMap((c) => [...c.from_carer_ids, ...c.to_carer_ids]),
      ...followUps.flatMap((f) => f.meet_first_carer_ids),
    ];
    const carers = await tx.query<{ id: string; first_name: string }>(
      'select id, first_name from carers where organisation_id = $1 and id = any($2::uuid[])',
      [organisationId, [...new Set(carerIds)]],
    );
    const names = new Map(carers.map((c) => [c.id, c.first_name]));
    const nameOf = (id: string) => names.get(id) ?? 'a care worker';

    return {
      organisationName: facts!.organisation_name,
      visit: { id: summary.id, personId: summary.personId, personFirstName: summary.personFirstName, plannedAt: summary.plannedAt, place: summary.place },
      referredOn: facts!.referred_on,
      matchRun: await loadEvidenceMatchRun(tx, organisationId, visitId),
      shortlistNow: shortlistNow.map((c) => c.first_name),
      shortlistChanges: changes.map((c) => ({
        changedAt: iso(c.changed_at),
        changedBy: c.changed_by,
        from: c.from_carer_ids.map(nameOf),
        to: c.to_carer_ids.map(nameOf),
        reason: c.reason,
      })),
      outcomes: outcomeRecords(events, conflicts, summary.decision?.eventId ?? null, nameOf),
      conflicts: conflicts.map((c) => ({
        kind: c.kind,
        summary: describeConflict(c.kind),
        eventIds: c.other_event_id === null ? [c.event_id] : [c.event_id, c.other_event_id],
        createdAt: iso(c.created_at),
        resolvedAt: isoOrNull(c.resolved_at),
        resolvedByName: c.resolved_by_name,
        keptEventId: c.kept_event_id,
        note: c.note,
      })),
      followUps: followUps.map((f) => ({
        eventId: f.event_id,
        summary: describeFollowUp(f.kind, f.meet_first_carer_ids.map(nameOf)),
        createdAt: iso(f.created_at),
        resolvedAt: isoOrNull(f.resolved_at),
        resolvedByName: f.resolved_by_name,
        note: f.note,
      })),
    };
  });
}

/** The match run's evidence as the visit screen shows it, with who each step left out and the engine's sentence for each shortlisted carer. */
async function loadEvidenceMatchRun(tx: Db, organisationId: string, visitId: string): Promise<EvidenceMatchRun | null> {
  const evidence = await loadMatchRunEvidence(tx, organisationId, visitId);
  if (!evidence) return null;
  const [run] = await tx.query<{ result: MatchResult }>('select result from match_runs where organisation_id = $1 and visit_id = $2', [
    organisationId,
    visitId,
  ]);
  const result = run!.result;
  const shortlisted = new Set(evidence.shortlist.map((c) => c.carerId));
  return {
    ...evidence,
    leftOut: funnelLeftOut(result, evidence.personFirstName),
    why: Object.fromEntries(result.ranked.filter((c) => shortlisted.has(c.id)).map((c) => [c.id, c.why])),
  };
}
