import { useState, type FormEvent } from 'react';
import { changeOrganiserPin, PIN_PATTERN } from '../../local-db/organiser-pin';
import { useAppServices } from '../app';
import { assertNever } from '../assert-never';
import { PinField } from './pin-field';

interface PinErrors {
  current?: string;
  next?: string;
  again?: string;
}

/** Changes the person-mode PIN: the PIN in use now, then the new one twice. A wrong current PIN changes nothing. */
export function ChangePinForm() {
  const { db, now, randomBytes } = useAppServices();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<PinErrors>({});
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const showErrors = (found: PinErrors) => {
    setErrors(found);
    const first = found.current ? 'current-pin' : found.next ? 'changed-pin' : 'changed-pin-again';
    document.getElementById(first)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChanged(false);
    const found: PinErrors = {
      current: current === '' ? 'Type the PIN you use now.' : undefined,
      next: PIN_PATTERN.test(next) ? undefined : 'The new PIN must be 4 to 6 numbers.',
      again: PIN_PATTERN.test(next) && again !== next ? 'The two new PINs are not the same. Type the new PIN again.' : undefined,
    };
    if (found.current || found.next || found.again) return showErrors(found);
    setBusy(true);
    const result = await changeOrganiserPin(db, current, next, now(), randomBytes).finally(() => setBusy(false));
    switch (result) {
      case 'changed':
        setErrors({});
        setCurrent('');
        setNext('');
        setAgain('');
        setChanged(true);
        return;
      case 'wrong-current':
        setCurrent('');
        return showErrors({ current: 'That is not the PIN on this tablet. The PIN has not changed.' });
      case 'wait':
        setCurrent('');
        return showErrors({ current: 'Too many wrong PINs. Wait 30 seconds, then try again. The PIN has not changed.' });
      case 'not-set':
        // Removed meanwhile ("Forgotten the PIN?"): the screen switches to saying so.
        return showErrors({ current: 'There is no PIN on this tablet now.' });
      default:
        return assertNever(result);
    }
  };

  return (
    <>
      <p>You need this PIN to leave person mode. To change it, type the PIN you use now, then a new one of 4 to 6 numbers.</p>
      <p role="status" className={changed ? 'notice' : undefined}>
        {changed ? 'The PIN is changed. Use the new PIN next time you leave person mode.' : ''}
      </p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <PinField id="current-pin" label="Current PIN" error={errors.current} value={current} onChange={setCurrent} />
        <PinField id="changed-pin" label="New PIN" error={errors.next} value={next} onChange={setNext} />
        <PinField id="changed-pin-again" label="Type the new PIN again" error={errors.again} value={again} onChange={setAgain} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          Change the PIN
        </button>
      </form>
    </>
  );
}
