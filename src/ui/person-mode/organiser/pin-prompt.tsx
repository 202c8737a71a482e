import { useState, type FormEvent } from 'react';
import { checkOrganiserPin } from '../../../local-db/organiser-pin';
import { useAppServices } from '../../app';
import { useFocusOnMount } from '../../hooks/use-focus-on-mount';

/**
 * Asks for the organiser's PIN, over person mode (which stays as it was underneath, so "Cancel"
 * returns the person to exactly where they were). A wrong PIN says so plainly.
 */
/** After this many wrong PINs in a row, the prompt waits before it takes another. */
const TRIES_BEFORE_WAIT = 5;
const WAIT_MS = 30_000;

export function PinPrompt({ purpose, onRight, onCancel }: { purpose: string; onRight: () => void; onCancel: () => void }) {
  const { db } = useAppServices();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const [checking, setChecking] = useState(false);
  const [wrongTries, setWrongTries] = useState(0);
  const [waiting, setWaiting] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || waiting) return;
    setChecking(true);
    const result = await checkOrganiserPin(db, pin);
    setChecking(false);
    if (result === 'wrong') {
      setWrong(true);
      setPin('');
      // A short PIN is guessable: slow down guessing rather than lock the organiser out for good.
      if (wrongTries + 1 >= TRIES_BEFORE_WAIT) {
        setWaiting(true);
        setWrongTries(0);
        setTimeout(() => setWaiting(false), WAIT_MS);
      } else {
        setWrongTries(wrongTries + 1);
      }
      return;
    }
    // 'not-set' cannot happen once person mode is showing; letting the organiser out is the safe side.
    onRight();
  };

  return (
    <div className="pin-prompt" role="dialog" aria-modal="true" aria-labelledby="pin-heading" lang="en">
      <h2 id="pin-heading" ref={heading} tabIndex={-1}>
        Organiser’s PIN
      </h2>
      <p>{purpose}</p>
      {wrong && (
        <p className="error-summary" role="alert">
          {waiting ? 'That PIN is not right. Too many tries: wait 30 seconds, then try again.' : 'That PIN is not right. Try again.'}
        </p>
      )}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="organiser-pin">PIN</label>
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
            Unlock
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
