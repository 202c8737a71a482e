import { useLiveQuery } from 'dexie-react-hooks';
import { countOutbox } from '../../local-db/queries';
import { useAppServices } from '../app';
import { useUpdateStore } from '../stores/update-store';

/**
 * Offers a new version of Hearth; never forces it. It is shown only on organiser screens (person
 * mode does not render it) and only when nothing is waiting in the outbox, because updating reloads
 * the page: never mid-visit, never with unsent records.
 */
export function UpdatePrompt() {
  const { db } = useAppServices();
  const applyUpdate = useUpdateStore((s) => s.applyUpdate);
  const dismissed = useUpdateStore((s) => s.dismissed);
  const dismiss = useUpdateStore((s) => s.dismiss);
  const waiting = useLiveQuery(() => countOutbox(db), [db]);

  if (!applyUpdate || dismissed || waiting !== 0) return null;
  return (
    <section className="update-prompt" aria-label="New version">
      <p>A new version of Hearth is ready.</p>
      <div className="button-row">
        <button type="button" className="button" onClick={applyUpdate}>
          Update now
        </button>
        <button type="button" className="button secondary" onClick={dismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}
