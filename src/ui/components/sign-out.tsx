import { useState } from 'react';
import { useNavigate } from 'react-router';
import { forgetPersonalKey } from '../../local-db/personal-key';
import { clearSession, countOutbox } from '../../local-db/queries';
import { useAppServices } from '../app';
import { paths } from '../paths';
import { wipeThisTablet } from '../pwa/wipe-this-tablet';

type Phase = { kind: 'idle' } | { kind: 'sending' } | { kind: 'waiting'; count: number };

const recordsText = (count: number) => `${count} ${count === 1 ? 'record has' : 'records have'}`;

/**
 * Signs the organiser out. Records not yet acknowledged by the office are sent first; once nothing is
 * waiting, signing out wipes everything Hearth kept on the tablet (a pack is a person's data, and the
 * next person to pick the tablet up may not be ours). Records that cannot be sent (no connection) are
 * never deleted: the organiser is told how many, and the tablet is not wiped. The wipe deletes the whole
 * database, so the stored data key goes too (an organiser's tablet key, or a care worker's personal key).
 */
export function SignOut() {
  const { db, transport, sync } = useAppServices();
  const navigate = useNavigate();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  // Counted afresh on the tap, not from a live count, which may not have caught up with a record just made.
  async function signOut() {
    setPhase({ kind: 'sending' });
    if ((await countOutbox(db)) > 0) await sync.syncNow();
    const waiting = await countOutbox(db);
    if (waiting > 0) {
      setPhase({ kind: 'waiting', count: waiting });
      return;
    }
    // Offline, the office's session simply lapses; the wipe here does not depend on the answer.
    await transport.logout().catch(() => undefined);
    await wipeThisTablet(db, sync, 'signed-out');
  }

  // The organiser chose to keep the unsent records on the tablet: signed out, nothing wiped, sent after the next sign-in.
  async function signOutKeepingRecords() {
    await transport.logout().catch(() => undefined);
    await forgetPersonalKey(db); // a care worker's or manager's key and drafts (a tablet's key stays, for what waits)
    await clearSession(db);
    navigate(paths.login, { replace: true });
  }

  if (phase.kind === 'waiting') {
    return (
      <div className="sign-out-warning" role="alert">
        <p>
          {recordsText(phase.count)} not reached the office yet, and Hearth cannot send {phase.count === 1 ? 'it' : 'them'} now. Nothing
          has been deleted. Stay signed in and sign out once {phase.count === 1 ? 'it has' : 'they have'} been sent.
        </p>
        <div className="button-row">
          <button type="button" className="button" autoFocus onClick={() => setPhase({ kind: 'idle' })}>
            Stay signed in
          </button>
          <button type="button" className="button secondary" onClick={() => void signOut()}>
            Try sending again
          </button>
          <button type="button" className="button secondary" onClick={() => void signOutKeepingRecords()}>
            Sign out and keep them on this tablet
          </button>
        </div>
      </div>
    );
  }

  return (
    <button type="button" className="button secondary sign-out" disabled={phase.kind === 'sending'} onClick={() => void signOut()}>
      {phase.kind === 'sending' ? 'Sending what is waiting…' : 'Sign out'}
    </button>
  );
}
