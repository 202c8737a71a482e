import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router';
import { getPack, getVisit } from '../../local-db/queries';
import { useAppServices } from '../app';
import { MatchRunSummary } from '../components/matching/match-run-summary';
import { OfflinePanel } from '../components/offline-panel';
import { OutcomeNotice } from '../components/outcome-notice';
import { PageHeading } from '../components/page-heading';
import { PersonModeSettingsForm } from '../components/person-mode-settings-form';
import { PersonProfileSummary } from '../components/person-profile-summary';
import { formatDayAndTime } from '../format/dates';
import { useVisitOutcome } from '../hooks/use-visit-outcome';
import { paths, visitEvidencePath } from '../paths';

/** One visit, for the organiser: who it is for, who they will meet, and getting it ready offline. */
export function VisitScreen() {
  const { visitId = '' } = useParams();
  const { db } = useAppServices();
  const visit = useLiveQuery(async () => (await getVisit(db, visitId)) ?? null, [db, visitId]);
  const pack = useLiveQuery(async () => (await getPack(db, visitId)) ?? null, [db, visitId]);
  const outcome = useVisitOutcome(visitId);

  if (visit === undefined) return null;
  if (visit === null) {
    return (
      <>
        <PageHeading>This visit is not on this tablet</PageHeading>
        <p>
          <Link to={paths.visits}>Back to planned visits</Link>
        </p>
      </>
    );
  }

  const { summary } = visit;
  return (
    <>
      <p>
        <Link to={paths.visits}>Back to planned visits</Link>
      </p>
      <PageHeading>Visit to {summary.personFirstName}</PageHeading>
      <p className="lead">
        {formatDayAndTime(summary.plannedAt)}, {summary.place}
      </p>
      {outcome && <OutcomeNotice personFirstName={summary.personFirstName} outcome={outcome} />}
      {pack ? (
        <>
          <PersonProfileSummary person={pack.pack.person} />
          <section className="card" aria-labelledby="candidates-heading">
            <h2 id="candidates-heading">Care workers {summary.personFirstName} will meet</h2>
            <ul>
              {pack.pack.candidates.map((carer) => (
                <li key={carer.id}>{carer.firstName}</li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <p>
          {summary.candidateCount} care workers to meet. Their profiles and {summary.personFirstName}'s one-page profile
          appear here once the visit is on this tablet.
        </p>
      )}
      {pack && visit.packStatus === 'ready' && <PersonModeSettingsForm pack={pack.pack} />}
      <OfflinePanel visit={visit} handOverAgain={Boolean(outcome)} />
      <MatchRunSummary visitId={visit.id} />
      <p>
        <Link to={visitEvidencePath(visit.id)}>Evidence for this visit: how the shortlist was made and how the person chose (printable)</Link>
      </p>
    </>
  );
}
