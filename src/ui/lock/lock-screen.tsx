import { useState, type FormEvent } from 'react';
import { WRONG_PINS_BEFORE_DROP } from '../../local-db/data-key';
import { unlockWithPin } from '../../local-db/unlock';
import { useAppServices } from '../app';
import { assertNever } from '../assert-never';
import { PinField } from '../components/pin-field';
import { PageHeading } from '../components/page-heading';

/**
 * Shown in place of every screen when Hearth has locked itself (no use for a few minutes). Nothing of
 * anyone's records is rendered behind it. The PIN opens it only while the data key is still in memory;
 * after too many wrong PINs the key is dropped and the password screen takes over (data-lock-gate.tsx).
 * An organiser who has forgotten the PIN need not spend five wrong ones to get there: the password way
 * is offered at once, and it drops the key the same way (nothing stored is lost; sending waits for it).
 */
export function LockScreen() {
  const { db, now } = useAppServices();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await unlockWithPin(db, pin, now());
    setBusy(false);
    setPin('');
    switch (result) {
      case 'unlocked':
      case 'key-dropped':
      case 'no-key':
        return; // the gate shows what comes next
      case 'wrong': {
        const left = WRONG_PINS_BEFORE_DROP - db.dataKey.wrongPinCount();
        setError(`That PIN is not right. ${left === 1 ? 'One more wrong PIN' : `${left} more wrong PINs`} and you will need your password.`);
        return;
      }
      case 'wait':
        setError('Too many wrong PINs. Wait a moment, then try again.');
        return;
      case 'not-set':
        setError('No PIN is set on this tablet.');
        return;
      default:
        assertNever(result);
    }
  }

  return (
    <main id="main" className="organiser-main narrow">
      <p className="brand">Hearth</p>
      <PageHeading>Hearth is locked</PageHeading>
      <p>Hearth locked itself because it was not used for a few minutes. Enter your PIN to carry on.</p>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <PinField id="lock-pin" label="Your PIN" value={pin} onChange={setPin} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Checking…' : 'Unlock'}
        </button>
      </form>
      <button type="button" className="button secondary" onClick={() => db.dataKey.drop()}>
        I have forgotten the PIN: use my password
      </button>
    </main>
  );
}
