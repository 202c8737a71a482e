import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { failureText } from '../format/failure-text';
import { TextField } from './text-field';

/**
 * "Add a person" / "Add a care worker": a first name is all it takes to start; the screen then opens
 * their one-page profile (`pathOf` the new id) to write the rest.
 */
export function AddByFirstName({ id, heading, add, pathOf }: { id: string; heading: string; add: (firstName: string) => Promise<string>; pathOf: (id: string) => string }) {
  const navigate = useNavigate();
  const [firstName, setFirstName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = firstName.trim();
    if (name === '') return setError('Write their first name.');
    if (name.length > 40) return setError('A first name has at most 40 characters.');
    setBusy(true);
    setError(undefined);
    try {
      await navigate(pathOf(await add(name)));
    } catch (failure) {
      setError(failureText('Not added', failure));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField id={`${id}-first-name`} label="First name" autoComplete="off" value={firstName} error={error} onChange={(e) => setFirstName(e.target.value)} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Adding…' : 'Add and write their profile'}
        </button>
      </form>
    </section>
  );
}
