import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { getSyncState } from '../../local-db/queries';
import { useAppServices } from '../app';
import { askToKeepStorage } from '../pwa/device-storage';

const mb = (bytes: number) => `${Math.round(bytes / 1_000_000).toLocaleString('en-GB')} MB`;

/**
 * How much room Hearth uses on this tablet and how much is free, and whether the browser has agreed
 * to keep Hearth's data (films, unsent decisions) rather than clear it when space runs short.
 */
export function StorageSection() {
  const { db, storage, now } = useAppServices();
  const state = useLiveQuery(() => getSyncState(db), [db]);
  const [space, setSpace] = useState<{ usage?: number; quota?: number } | null | undefined>(undefined);
  const [asking, setAsking] = useState(false);

  const measure = useCallback(async () => setSpace((await storage?.estimate().catch(() => undefined)) ?? null), [storage]);
  useEffect(() => {
    void measure();
  }, [measure]);

  const ask = async () => {
    setAsking(true);
    await askToKeepStorage(db, storage, now);
    await measure();
    setAsking(false);
  };

  return (
    <section className="card" aria-labelledby="tablet-storage">
      <h2 id="tablet-storage">Storage</h2>
      {!storage ? (
        <p>This browser does not say how much room there is. Visits still download, and Hearth says plainly if there is not enough room.</p>
      ) : (
        <>
          <dl className="facts">
            <dt>Used by Hearth</dt>
            <dd>{space?.usage !== undefined ? mb(space.usage) : space === undefined ? 'Checking…' : 'Not known'}</dd>
            <dt>Free for Hearth</dt>
            <dd>
              {space?.quota !== undefined && space.usage !== undefined ? mb(Math.max(0, space.quota - space.usage)) : space === undefined ? 'Checking…' : 'Not known'}
            </dd>
            <dt>Kept safe from clearing</dt>
            <dd>{state?.storagePersisted === undefined ? 'Not asked yet' : state.storagePersisted ? 'Yes' : 'No'}</dd>
          </dl>
          {state?.storagePersisted !== true && (
            <>
              <p>
                Without this, the browser may clear Hearth&rsquo;s films and unsent decisions when the tablet runs short of space. On an iPad, add
                Hearth to the Home Screen and open it from there, then ask again.
              </p>
              <button type="button" className="button secondary" aria-disabled={asking || undefined} onClick={() => void (asking ? undefined : ask())}>
                Ask to keep Hearth&rsquo;s data
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
