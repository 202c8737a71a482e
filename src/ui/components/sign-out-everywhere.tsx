import { useState } from 'react';
import { useNavigate } from 'react-router';
import { forgetPersonalKey } from '../../local-db/personal-key';
import { clearSession } from '../../local-db/queries';
import { useAppServices } from '../app';
import { failureText } from '../format/failure-text';
import { paths } from '../paths';

/**
 * Ends every session of this account, on every tablet and computer, this one too: for a lost tablet
 * or a password someone else may know. Needs the office. Records waiting to be sent stay on this
 * tablet and go after the next sign-in, as with "Sign out". A care worker's or manager's personal key
 * and their drafts are removed from this browser (forgetPersonalKey): signed out means nothing of theirs opens here.
 */
export function SignOutEverywhere() {
  const { db, transport } = useAppServices();
  const navigate = useNavigate();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function signOutEverywhere() {
    setBusy(true);
    setMessage('');
    try {
      await transport.signOutEverywhere();
    } catch (failure) {
      setMessage(failureText('Not signed out everywhere', failure));
      setBusy(false);
      return;
    }
    await forgetPersonalKey(db);
    await clearSession(db);
    navigate(paths.login, { replace: true });
  }

  return (
    <div className="sign-out-everywhere">
      <h3>Signed in somewhere else?</h3>
      <p id="sign-out-everywhere-hint">This signs you out on every tablet and computer, this one too. Then sign in again here.</p>
      <button type="button" className="button secondary" aria-describedby="sign-out-everywhere-hint" disabled={busy} onClick={() => void signOutEverywhere()}>
        Sign out everywhere
      </button>
      <p role="status">{message}</p>
    </div>
  );
}
