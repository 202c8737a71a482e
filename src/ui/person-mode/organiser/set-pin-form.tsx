import { useState, type FormEvent } from 'react';
import { PIN_PATTERN, setOrganiserPin } from '../../../local-db/organiser-pin';
import { useAppServices } from '../../app';
import { PageHeading } from '../../components/page-heading';
import { PinField } from '../../components/pin-field';

/**
 * The first hand-over on this tablet: the organiser chooses the PIN that lets them (and only them)
 * leave person mode. Only a salted hash is kept.
 */
export function SetPinForm({ personFirstName, onSet }: { personFirstName: string; onSet: () => void }) {
  const { db, now, randomBytes } = useAppServices();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setError('The PIN must be 4 to 6 numbers.');
    if (pin !== again) return setError('The two PINs are not the same. Type them again.');
    await setOrganiserPin(db, pin, now(), randomBytes);
    onSet();
  };

  return (
    <section className="organiser-panel" lang="en">
      <PageHeading>Set your PIN before you hand over</PageHeading>
      <p>
        {personFirstName} will see only the care workers. To leave person mode, you will need this PIN. Choose 4 to 6
        numbers.
      </p>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <PinField id="new-pin" label="New PIN" value={pin} onChange={setPin} />
        <PinField id="new-pin-again" label="Type the PIN again" value={again} onChange={setAgain} />
        <button type="submit" className="button">
          Save the PIN and hand over
        </button>
      </form>
    </section>
  );
}
