import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { outcomesExportFileName, outcomesExportPath } from '../../domain/csv/outcomes-csv';
import { listVisits } from '../../local-db/queries';
import { useAppServices } from '../app';
import { MissingOutcomes } from '../components/missing-outcomes';
import { OfficeDecision } from '../components/office-decision';
import { PageHeading } from '../components/page-heading';
import { RefreshNotice } from '../components/refresh-notice';
import { useRefreshVisitsOnOpen } from '../hooks/use-refresh-visits';
import { paths } from '../paths';

/** "Decisions": what the office has received, fetched fresh when this screen opens. */
export function OfficeScreen() {
  const { db } = useAppServices();
  const refresh = useRefreshVisitsOnOpen();
  const visits = useLiveQuery(() => listVisits(db), [db]);

  return (
    <>
      <PageHeading>Decisions</PageHeading>
      <p>What the office has received from the tablets.</p>
      <p>
        <a href={outcomesExportPath()} download={outcomesExportFileName({})}>
          Download every outcome as a spreadsheet (CSV)
        </a>{' '}
        (needs a connection to the office). Figures over a date range are under <Link to={paths.reports}>Reports</Link>.
      </p>
      <RefreshNotice state={refresh} />
      <MissingOutcomes />
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
