import { useLiveQuery } from 'dexie-react-hooks';
import { hasOrganiserPin } from '../../local-db/organiser-pin';
import { useAppServices } from '../app';
import { ChangePinForm } from '../components/change-pin-form';
import { PageHeading } from '../components/page-heading';
import { StorageLostNotice } from '../components/storage-lost-notice';
import { StorageSection } from '../components/storage-section';

/** "This tablet": what is kept on this tablet itself rather than at the office: the person-mode PIN and storage. */
export function TabletScreen() {
  const { db } = useAppServices();
  const pinSet = useLiveQuery(() => hasOrganiserPin(db), [db]);

  return (
    <>
      <PageHeading>This tablet</PageHeading>
      <StorageLostNotice />
      <p>Settings kept on this tablet only, not at the office.</p>
      <section className="card" aria-labelledby="person-mode-pin">
        <h2 id="person-mode-pin">Person mode PIN</h2>
        {pinSet === undefined ? null : pinSet ? (
          <ChangePinForm />
        ) : (
          <p>There is no PIN on this tablet yet. You will set it the first time you hand the tablet over.</p>
        )}
      </section>
      <StorageSection />
    </>
  );
}
