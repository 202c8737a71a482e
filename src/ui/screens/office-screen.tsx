import { useLiveQuery } from 'dexie-react-hooks';
import { listVisits } from '../../local-db/queries';
import { useAppServices } from '../app';
import { OfficeDecision } from '../components/office-decision';
import { PageHeading } from '../components/page-heading';
import { RefreshNotice } from '../components/refresh-notice';
import { useRefreshVisitsOnOpen } from '../hooks/use-refresh-visits';

/** "Decisions": what the office has received, fetched fresh when this screen opens. */
export function OfficeScreen() {
  const { db } = useAppServices();
  const refresh = useRefreshVisitsOnOpen();
  const visits = useLiveQuery(() => listVisits(db), [db]);

  return (
    <>
      <PageHeading>Decisions</PageHeading>
      <p>What the office has received from the tablets.</p>
      <RefreshNotice state={refresh} />
      {visits === undefined ? null : visits.length === 0 ? (
        <p>There are no visits on this tablet yet.</p>
      ) : (
        <ul className="card-list">
          {visits.map((visit) => (
            <OfficeDecision key={visit.id} visit={visit} />
          ))}
        </ul>
      )}
    </>
  );
}
