import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { acknowledgeStorageLoss } from '../../local-db/eviction-sentinel';
import { getSyncState } from '../../local-db/queries';
import { useAppServices } from '../app';
import { formatWhenRelative } from '../format/dates';

/**
 * Said plainly when a launch found that the browser had cleared Hearth's storage (eviction-sentinel.ts):
 * what was lost, what to do, and whether the browser had agreed to keep Hearth's data. It stays on
 * Planned visits and This tablet until the organiser says they have told the office.
 */
export function StorageLostNotice() {
  const { db, now } = useAppServices();
  const state = useLiveQuery(() => getSyncState(db), [db]);
  const [closing, setClosing] = useState(false);
  if (!state?.storageLostAt) return null;

  const persisted = state.storagePersisted;
  const told = async () => {
    setClosing(true);
    await acknowledgeStorageLoss(db);
  };
  return (
    <section className="notice storage-lost" aria-labelledby="storage-lost-heading">
      <h2 id="storage-lost-heading">This tablet has lost what Hearth kept on it</h2>
      <p>
        When Hearth opened {formatWhenRelative(state.storageLostAt, now())}, it found that the browser had cleared its storage. Anything this tablet
        had not yet sent to the office is gone: decisions and notes from visits, and every visit downloaded for offline use, with its photos and
        films.
      </p>
      <p>
        <strong>What to do:</strong> tell the office today. At the office, “Downloaded visits with no outcome” on the Decisions page lists the
        visits whose outcomes never arrived; those people may need to be visited again. Then download the visits you need before you go out.
      </p>
      <p>
        {persisted === true
          ? 'The browser had agreed to keep Hearth’s data, and cleared it anyway (on an iPad, this can happen when Hearth is used in Safari instead of from the Home Screen).'
          : persisted === false
            ? 'The browser had not agreed to keep Hearth’s data. On an iPad, add Hearth to the Home Screen and use it from there; then, under This tablet, ask again to keep Hearth’s data.'
            : 'Hearth had not yet asked the browser to keep its data. Under This tablet, ask to keep Hearth’s data.'}
      </p>
      <button type="button" className="button" aria-disabled={closing || undefined} onClick={() => void (closing ? undefined : told())}>
        I have told the office
      </button>
    </section>
  );
}
