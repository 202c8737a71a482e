import { useCallback } from 'react';
import { Link } from 'react-router';
import { useAppServices } from '../app';
import { AddByFirstName } from '../components/add-by-first-name';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { blockersText } from '../format/words';
import { useOfficeData } from '../hooks/use-office-data';
import { carerProfilePath, paths } from '../paths';

const OFFLINE =
  'The list of care workers is kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** "Care workers": every one-page profile in the organisation, whether each can be shown yet, and adding one. */
export function CareWorkersScreen() {
  const { transport } = useAppServices();
  const carers = useOfficeData(useCallback((t) => t.listCarers(), []));
  return (
    <>
      <PageHeading>Care workers</PageHeading>
      <p>Every care worker’s one-page profile. A profile is shown to people only when it is complete, has a photo and a film, and the care worker has agreed.</p>
      <p>
        <Link to={paths.importCarers}>Import care workers and their availability from a CSV file</Link>
      </p>
      <OfficeDataNotice state={carers} onRetry={carers.reload} offline={OFFLINE} />
      {carers.kind === 'ready' && (
        <table className="data-table">
          <caption>{carers.value.length === 1 ? '1 care worker' : `${carers.value.length} care workers`}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Can be shown to people?</th>
              <th scope="col">Own account</th>
            </tr>
          </thead>
          <tbody>
            {carers.value.map((carer) => (
              <tr key={carer.id}>
                <th scope="row">
                  <Link to={carerProfilePath(carer.id)}>{carer.firstName}</Link>
                  {carer.externalRef && <span className="hint"> (staff ID {carer.externalRef})</span>}
                </th>
                <td>{carer.blockers.length === 0 ? 'Yes' : `Not yet: ${blockersText(carer.blockers)}`}</td>
                <td>{carer.hasAccount ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddByFirstName id="new-carer" heading="Add a care worker" add={async (firstName) => (await transport.addCarer({ firstName })).id} pathOf={carerProfilePath} />
    </>
  );
}
