import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { clearSession, countOutbox } from '../../local-db/queries';
import { useAppServices } from '../app';
import { recordsWaitingText } from '../format/words';
import { paths } from '../paths';

/**
 * Signs the organiser out. Records waiting in the outbox are never deleted: they stay on the tablet
 * and are sent after the next sign-in. With records waiting, the organiser is told so first.
 */
export function SignOut() {
  const { db, transport } = useAppServices();
  const navigate = useNavigate();
  const liveWaiting = useLiveQuery(() => countOutbox(db), [db]);
  /** How many records were waiting when "Sign out" was tapped; null when not asking. */
  const [waitingAtTap, setWaitingAtTap] = useState<number | null>(null);

  // Counted afresh on the tap, not from the live count, which may not have caught up with a record just made.
  async function askToSignOut() {
    const waiting = await countOutbox(db);
    if (waiting > 0) setWaitingAtTap(waiting);
    else await signOut();
  }

  async function signOut() {
    // If the office cannot be reached the tablet still signs out; the records stay either way.
    await transport.logout().catch(() => undefined);
    await clearSession(db);
    navigate(paths.login, { replace: true });
  }

  if (waitingAtTap !== null) {
    const waiting = liveWaiting || waitingAtTap;
    return (
      <div className="sign-out-warning" role="alert">
        <p>
          {recordsWaitingText(waiting)} to the office. They stay safely on this tablet and are sent after you sign in
          again.
        </p>
        <div className="button-row">
          <button type="button" className="button secondary" autoFocus onClick={() => setWaitingAtTap(null)}>
            Stay signed in
          </button>
          <button type="button" className="button" onClick={() => void signOut()}>
            Sign out anyway
          </button>
        </div>
      </div>
    );
  }

  return (
    <button type="button" className="button secondary sign-out" onClick={() => void askToSignOut()}>
      Sign out
    </button>
  );
}
