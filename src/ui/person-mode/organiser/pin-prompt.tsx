import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { checkOrganiserPin, pinWaitUntil } from '../../../local-db/organiser-pin';
import { useAppServices } from '../../app';
import { usePersonMode } from '../person-mode-context';
import { DialogHeading } from './dialog-heading';
import { PinResetForm } from './pin-reset-form';

/** Why the PIN is asked: to leave from the "Organiser" corner, or to take the tablet back after "Give the tablet back". */
export type PinPurpose = 'leave' | 'give-back';

/**
 * Asks for the organiser's PIN, over person mode (which stays as it was underneath, so "Cancel"
 * returns the person to exactly where they were). A wrong PIN says so plainly. It is on the person's
 * screen, so it speaks the person's language. "Forgotten the PIN?" checks the organiser with the
 * office instead. The wait after too many wrong PINs is kept on the tablet (src/local-db/organiser-pin.ts),
 * so neither Cancel, nor "Forgotten the PIN?" and back, nor a reload ends it.
 */
export function PinPrompt({ purpose, onRight, onCancel }: { purpose: PinPurpose; onRight: () => void; onCancel: () => void }) {
  const { db, now } = useAppServices();
  const { text } = usePersonMode();
  const [forgotten, setForgotten] = useState(false);
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const [checking, setChecking] = useState(false);
  const waiting = useWaitAfterWrongPins();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || waiting) return;
    setChecking(true);
    const result = await checkOrganiserPin(db, pin, now());
    setChecking(false);
    if (result === 'wrong' || result === 'wait') {
      setWrong(true);
      setPin('');
      return;
    }
    // 'not-set' cannot happen once person mode is showing; letting the organiser out is the safe side.
    onRight();
  };

  return (
    <div className="pin-prompt" role="dialog" aria-modal="true" aria-labelledby="pin-heading" lang={text.lang}>
      {forgotten ? (
        <PinResetForm waiting={waiting} onReset={onRight} onBack={() => setForgotten(false)} />
      ) : (
        <>
          <DialogHeading>{text.pinHeading}</DialogHeading>
          <p>{purpose === 'leave' ? text.pinToLeave : text.pinToGiveBack}</p>
          {(wrong || waiting) && (
            <p className="error-summary" role="alert">
              {waiting ? text.pinWait : text.pinWrong}
            </p>
          )}
          <form className="form" noValidate onSubmit={(e) => void submit(e)}>
            <div className="field">
              <label htmlFor="organiser-pin">{text.pinLabel}</label>
              <input
                id="organiser-pin"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                aria-invalid={wrong || undefined}
                onChange={(e) => setPin(e.target.value.trim())}
              />
            </div>
            <div className="button-row">
              <button type="submit" className="button" aria-disabled={checking || waiting || undefined}>
                {text.unlock}
              </button>
              <button type="button" className="button secondary" onClick={onCancel}>
                {text.cancel}
              </button>
            </div>
          </form>
          <p>
            <button type="button" className="button secondary" onClick={() => setForgotten(true)}>
              {text.forgotPin}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

/** True while the tablet makes the next PIN wait (too many wrong ones); turns false by itself when the wait ends. */
function useWaitAfterWrongPins(): boolean {
  const { db, now } = useAppServices();
  const [, setTick] = useState(0);
  const until = useLiveQuery(() => pinWaitUntil(db, now()), [db, now]);
  const waiting = Boolean(until && until > now());
  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(() => setTick((t) => t + 1), Math.max(0, until.getTime() - now().getTime()) + 50);
    return () => clearTimeout(timer);
  }, [until, now]);
  return waiting;
}
