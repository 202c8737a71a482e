import { useState, type FormEvent } from 'react';
import { getDevice } from '../../local-db/queries';
import { unlockAtSignIn, unlockWithPassword, type StoredKeyKind } from '../../local-db/unlock';
import { useAppServices } from '../app';
import { PageHeading } from '../components/page-heading';
import { SignInForm } from '../components/sign-in-form';
import { TextField } from '../components/text-field';

const WRONG_PASSWORD =
  'That password did not open Hearth. Use the password you last signed in with on this tablet. If it was changed at the office, connect to the internet and try again.';

export const WRONG_PERSONAL_PASSWORD =
  'That password did not open Hearth. Use the password you last signed in with on this device, or sign in with your email address instead.';

/**
 * Shown when the records on this tablet are locked and the key that opens them is not in memory (after
 * a reload, or too many wrong PINs). Offline, the organiser's password opens them; online, a password
 * changed at the office works too (the office's key for this tablet), or a full sign-in with email.
 * On a care worker's or manager's browser (`storedKey` 'personal': after a reload or the idle lock) their
 * password opens their personal key and their draft comes back; the office keeps no key for that browser,
 * so there is no online fallback, but signing in with email is always offered.
 */
export function UnlockScreen({ storedKey }: { storedKey: StoredKeyKind }) {
  const [withEmail, setWithEmail] = useState(storedKey === 'none');
  const personal = storedKey === 'personal';
  return (
    <main id="main" className="organiser-main narrow">
      <p className="brand">Hearth</p>
      <PageHeading>Unlock Hearth</PageHeading>
      {personal ? (
        <p>
          Hearth locked itself to keep your work private.{' '}
          {withEmail
            ? 'Sign in with your email address and password. If someone else signs in here, what you typed and did not save is deleted.'
            : 'Enter your Hearth password to carry on where you left off.'}
        </p>
      ) : (
        <p>The records on this tablet are locked. {withEmail ? 'Sign in with your email address and password.' : 'Enter your Hearth password to open them.'}</p>
      )}
      {withEmail ? <EmailSignIn /> : <PasswordUnlock personal={personal} onUseEmail={() => setWithEmail(true)} />}
    </main>
  );
}

function PasswordUnlock({ personal, onUseEmail }: { personal: boolean; onUseEmail: () => void }) {
  const { db, transport, sync, now } = useAppServices();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  /** A password changed at the office does not open the stored key; the office's key for this tablet does (none for a personal key). */
  async function tryOnline(): Promise<boolean> {
    if (personal) return false;
    const device = await getDevice(db);
    if (!device) return false;
    try {
      const { keyHex } = await transport.fetchTabletKey({ deviceId: device.deviceId, password });
      const secret = Uint8Array.from(keyHex.match(/../g) ?? [], (h) => parseInt(h, 16));
      return (await unlockAtSignIn(db, password, secret, now())) !== 'other-key';
    } catch {
      return false;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setError('Enter your password');
      return;
    }
    setBusy(true);
    setError(undefined);
    const opened = (await unlockWithPassword(db, password)) === 'unlocked' || (await tryOnline());
    setBusy(false);
    if (!opened) setError(personal ? WRONG_PERSONAL_PASSWORD : WRONG_PASSWORD);
    // Records that waited while the key was not in memory can go now (sending needs them opened).
    else void sync.syncNow();
  }

  return (
    <>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <TextField id="unlock-password" label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Opening…' : 'Unlock'}
        </button>
      </form>
      <button type="button" className="button secondary" onClick={onUseEmail}>
        Sign in with your email instead
      </button>
    </>
  );
}

function EmailSignIn() {
  return <SignInForm idPrefix="unlock-" />;
}
