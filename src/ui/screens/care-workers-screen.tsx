import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { NewCarerRequestSchema } from '../../domain/carer-profile-form';
import { ApiFailure, NetworkFailure } from '../../sync/transport';
import { useAppServices } from '../app';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { TextField } from '../components/text-field';
import { blockersText } from '../format/words';
import { useOfficeData } from '../hooks/use-office-data';
import { carerProfilePath, paths } from '../paths';

const OFFLINE =
  'The list of care workers is kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** "Care workers": every one-page profile in the organisation, whether each can be shown yet, and adding one. */
export function CareWorkersScreen() {
  const { transport } = useAppServices();
  const navigate = useNavigate();
  const carers = useOfficeData(useCallback((t) => t.listCarers(), []));
  const [firstName, setFirstName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    const parsed = NewCarerRequestSchema.safeParse({ firstName });
    if (!parsed.success) return setError('Write their first name.');
    setBusy(true);
    setError(undefined);
    try {
      const added = await transport.addCarer(parsed.data);
      await navigate(carerProfilePath(added.id));
    } catch (failure) {
      setError(failure instanceof NetworkFailure ? 'Not added: the office could not be reached. Try again when there is a connection.' : `Not added: ${failure instanceof ApiFailure || failure instanceof Error ? failure.message : String(failure)}`);
      setBusy(false);
    }
  }

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
      <section className="card" aria-labelledby="add-carer-heading">
        <h2 id="add-carer-heading">Add a care worker</h2>
        <form className="form" noValidate onSubmit={(e) => void add(e)}>
          <TextField id="new-carer-first-name" label="First name" autoComplete="off" value={firstName} error={error} onChange={(e) => setFirstName(e.target.value)} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Adding…' : 'Add and write their profile'}
          </button>
        </form>
      </section>
    </>
  );
}
