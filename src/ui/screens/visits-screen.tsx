import { useLiveQuery } from 'dexie-react-hooks';
import { listVisits } from '../../local-db/queries';
import { useAppServices } from '../app';
import { PageHeading } from '../components/page-heading';
import { RefreshNotice } from '../components/refresh-notice';
import { StorageLostNotice } from '../components/storage-lost-notice';
import { VisitListItem } from '../components/visit-list-item';
import { useRefreshVisitsOnOpen } from '../hooks/use-refresh-visits';

/** "Planned visits": the tablet's copy, brought up to date from the office when there is a connection. */
export function VisitsScreen() {
  const { db } = useAppServices();
  const refresh = useRefreshVisitsOnOpen();
  const visits = useLiveQuery(() => listVisits(db), [db]);

  return (
    <>
      <PageHeading>Planned visits</PageHeading>
      <StorageLostNotice />
      <RefreshNotice state={refresh} />
      {visits === undefined ? null : visits.length === 0 ? (
        <p>There are no planned visits on this tablet yet.</p>
      ) : (
        <ul className="card-list">
          {visits.map((visit) => (
            <VisitListItem key={visit.id} visit={visit} />
          ))}
        </ul>
      )}
    </>
  );
}
