import { useState, type FormEvent } from 'react';
import { NewCareWorkerAccountSchema, PASSWORD_MIN_CHARS } from '../../../domain/api';
import type { CarerProfileView } from '../../../domain/carer-profile-form';
import { failureText } from '../../format/failure-text';
import { useAppServices } from '../../app';
import { TextField } from '../text-field';

type Fields = 'name' | 'email' | 'password';

/**
 * An organiser gives a care worker their own login, so they can write their profile and record their film
 * themselves. The first password is handed over in person; the care worker changes it under My profile.
 */
export function AccountSection({ view, name, onChanged }: { view: CarerProfileView; name: string; onChanged: (view: CarerProfileView) => void }) {
  const { transport } = useAppServices();
  const [values, setValues] = useState<Record<Fields, string>>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = NewCareWorkerAccountSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onChanged(await transport.addCareWorkerAccount(view.id, parsed.data));
      setMessage(`${name || 'The care worker'} can now sign in with ${parsed.data.email} and the password you chose. Give it to them in person.`);
    } catch (failure) {
      setMessage(failureText('No account made', failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="account-heading">
      <h2 id="account-heading">{name ? `${name}’s own account` : 'Their own account'}</h2>
      {view.hasAccount ? (
        <p>{name || 'This care worker'} has an account: they can sign in to write their profile, record their film and agree to it being shown.</p>
      ) : (
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <p>With an account, {name || 'they'} can write their own profile, record their film and agree to it being shown.</p>
          <TextField id="account-name" label="Their full name" value={values.name} error={errors.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
          <TextField id="account-email" label="Their email address" type="email" autoComplete="off" value={values.email} error={errors.email} onChange={(e) => setValues({ ...values, email: e.target.value })} />
          <TextField
            id="account-password"
            label="A first password"
            hint={`At least ${PASSWORD_MIN_CHARS} characters. Give it to them in person; they can change it after signing in.`}
            type="text"
            autoComplete="off"
            value={values.password}
            error={errors.password}
            onChange={(e) => setValues({ ...values, password: e.target.value })}
          />
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Making the account…' : 'Make the account'}
          </button>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
