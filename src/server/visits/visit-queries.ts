import type { Outcome } from '../../domain/events';
import { resolvePersonModeSettings, type PersonModeSettings } from '../../domain/person-mode';
import type { CarerProfile, PersonProfile } from '../../domain/profiles';
import type { PackFile, Visit, VisitPack, VisitSummary } from '../../domain/visits';
import type { Db } from '../database/db';

interface VisitRow {
  id: string;
  person_id: string;
  person_first_name: string;
  planned_at: Date;
  place: string;
}

const VISIT_COLUMNS = `v.id, v.person_id, p.first_name as person_first_name, v.planned_at, v.place`;

function toVisit(row: VisitRow): Visit {
  return {
    id: row.id,
    personId: row.person_id,
    personFirstName: row.person_first_name,
    plannedAt: new Date(row.planned_at).toISOString(),
    place: row.place,
  };
}

interface DecisionRow {
  visit_id: string;
  event_id: string;
  outcome: Outcome;
  chosen_carer_first_name: string | null;
  occurred_at: Date;
  received_at: Date;
  device_id: string;
  device_label: string;
}

/**
 * The organisation's visits by planned time, each with its decision: the latest outcome received that
 * was not withdrawn (nor set aside by the office resolving two different answers), and how many
 * conflicts wait for the office.
 */
export async function listVisits(db: Db, organisationId: string): Promise<VisitSummary[]> {
  const visits = await db.query<VisitRow & { candidate_count: number; open_conflicts: number }>(
    `select ${VISIT_COLUMNS},
            (select count(*)::int from visit_candidates vc where vc.visit_id = v.id) as candidate_count,
            (select count(*)::int from visit_conflicts c
              where c.organisation_id = v.organisation_id and c.visit_id = v.id and c.resolved_at is null) as open_conflicts
       from visits v join people p on p.id = v.person_id and p.organisation_id = v.organisation_id
      where v.organisation_id = $1
      order by v.planned_at, v.id`,
    [organisationId],
  );
  const decisions = await db.query<DecisionRow>(
    `select distinct on (e.visit_id)
            e.visit_id, e.id as event_id, e.payload->>'outcome' as outcome, c.first_name as chosen_carer_first_name,
            e.occurred_at, e.received_at, e.device_id, d.label as device_label
       from events e
       join devices d on d.organisation_id = e.organisation_id and d.id = e.device_id
       left join carers c on c.organisation_id = e.organisation_id and c.id = (e.payload->>'chosenCarerId')::uuid
      where e.organisation_id = $1 and e.type = 'OutcomeRecorded'
        and not exists (
          select 1 from events w
           where w.organisation_id = e.organisation_id and w.type = 'OutcomeWithdrawn'
             and w.payload->>'withdrawsEventId' = e.id::text and w.visit_id = e.visit_id)
        -- Where the office resolved two different answers, the one it did not keep is not the decision.
        and not exists (
          select 1 from visit_conflicts c
           where c.organisation_id = e.organisation_id and c.kind = 'different-outcomes' and c.kept_event_id is not null
             and c.kept_event_id <> e.id and e.id in (c.event_id, c.other_event_id))
      order by e.visit_id, e.received_seq desc`,
    [organisationId],
  );
  const byVisit = new Map(decisions.map((d) => [d.visit_id, d]));
  return visits.map((row) => {
    const d = byVisit.get(row.id);
    return {
      ...toVisit(row),
      candidateCount: row.candidate_count,
      openConflicts: row.open_conflicts,
      decision: d
        ? {
            eventId: d.event_id,
            outcome: d.outcome,
            chosenCarerFirstName: d.chosen_carer_first_name,
            decidedAt: new Date(d.occurred_at).toISOString(),
            receivedAt: new Date(d.received_at).toISOString(),
            deviceId: d.device_id,
            deviceLabel: d.device_label,
          }
        : null,
    };
  });
}

interface CarerRow {
  id: string;
  first_name: string;
  profile: Pick<CarerProfile, 'appreciated' | 'mattersToMe' | 'interests' | 'qualities'>;
  photo_sha256: string;
  film_sha256: string;
  captions_sha256: string | null;
  voice_appreciated_sha256: string | null;
  voice_matters_sha256: string | null;
}

/**
 * A shortlisted carer who has since withdrawn their agreement (or lost their film or photo) is left out of
 * the pack: nobody is shown without their say-so, even on a visit planned before they withdrew.
 */
const SHOWABLE = 'c.consent_given_at is not null and c.photo_sha256 is not null and c.film_sha256 is not null';

/** Everything the tablet needs to show this visit offline, or null if the organisation has no such visit. */
export async function loadVisitPack(db: Db, organisationId: string, visitId: string): Promise<VisitPack | null> {
  return db.transaction(async (tx) => {
    const visitRows = await tx.query<
      VisitRow & { person_profile: Omit<PersonProfile, 'id' | 'firstName'>; person_mode: PersonModeSettings | null; description_first: boolean }
    >(
      `select ${VISIT_COLUMNS}, p.profile as person_profile, p.person_mode, o.description_first
         from visits v join people p on p.id = v.person_id and p.organisation_id = v.organisation_id
         join organisations o on o.id = v.organisation_id
        where v.organisation_id = $1 and v.id = $2`,
      [organisationId, visitId],
    );
    const visit = visitRows[0];
    if (!visit) return null;
    const carers = await tx.query<CarerRow>(
      `select c.id, c.first_name, c.profile, c.photo_sha256, c.film_sha256, c.captions_sha256,
              c.voice_appreciated_sha256, c.voice_matters_sha256
         from visit_candidates vc join carers c on c.id = vc.carer_id and c.organisation_id = vc.organisation_id
        where vc.organisation_id = $1 and vc.visit_id = $2 and ${SHOWABLE}
        order by vc.position`,
      [organisationId, visitId],
    );
    const files = await tx.query<{ sha256: string; bytes: string | number; type: PackFile['type'] }>(
      `select distinct m.sha256, m.bytes, m.type
         from visit_candidates vc
         join carers c on c.id = vc.carer_id and c.organisation_id = vc.organisation_id
         join media m on m.organisation_id = c.organisation_id
          and m.sha256 in (c.photo_sha256, c.film_sha256, c.captions_sha256, c.voice_appreciated_sha256, c.voice_matters_sha256)
        where vc.organisation_id = $1 and vc.visit_id = $2 and ${SHOWABLE}
        order by m.sha256`,
      [organisationId, visitId],
    );
    return {
      visit: toVisit(visit),
      person: { id: visit.person_id, firstName: visit.person_first_name, ...visit.person_profile },
      candidates: carers.map((c) => ({
        id: c.id,
        firstName: c.first_name,
        ...c.profile,
        photo: c.photo_sha256,
        film: c.film_sha256,
        ...(c.captions_sha256 === null ? {} : { captions: c.captions_sha256 }),
        ...voicesOf(c),
      })),
      // bigint comes back as a string from node-postgres and as a number from PGlite.
      files: files.map((f) => ({ id: f.sha256, sha256: f.sha256, bytes: Number(f.bytes), type: f.type })),
      personMode: resolvePersonModeSettings(visit.person_mode ?? undefined, visit.description_first),
    };
  });
}

/** The carer's per-section recordings, with only the sections they recorded; nothing at all when they recorded none. */
function voicesOf(c: CarerRow): Pick<CarerProfile, 'voices'> {
  const voices: NonNullable<CarerProfile['voices']> = {
    ...(c.voice_appreciated_sha256 === null ? {} : { appreciated: c.voice_appreciated_sha256 }),
    ...(c.voice_matters_sha256 === null ? {} : { mattersToMe: c.voice_matters_sha256 }),
  };
  return Object.keys(voices).length === 0 ? {} : { voices };
}
