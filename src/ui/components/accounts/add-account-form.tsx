import { useRef, useState, type FormEvent } from 'react';
import { NewAccountRequestSchema, ROLE_LABELS, type AccountList } from '../../../domain/accounts';
import { PASSWORD_MIN_CHARS, type Role } from '../../../domain/api';
import { useAppServices } from '../../app';
import { failureText } from '../../format/failure-text';
import { ChoiceField } from '../choice-field';
import { TextField } from '../text-field';

type Field = 'name' | 'email' | 'role' | 'carerId' | 'password';
const FIELDS: readonly Field[] = ['name', 'email', 'role', 'carerId', 'password'];
const LABELS: Record<Field, string> = { name: 'Name', email: 'Email address', role: 'What they do in Hearth', carerId: 'Which care worker', password: 'First password' };
const fieldId = (field: Field) => `new-account-${field}`;

const ROLE_HINTS: [Role, string][] = [
  ['organiser', `${ROLE_LABELS.organiser}: plans visits and keeps people’s and care workers’ profiles`],
  ['manager', `${ROLE_LABELS.manager}: reads the reports and each visit’s evidence, and changes nothing`],
  ['care-worker', `${ROLE_LABELS['care-worker']}: keeps their own one-page profile, and nothing else`],
  ['admin', `${ROLE_LABELS.admin}: manages accounts and tablets, and reads the audit log`],
];

/**
 * "Add an account": a login with a first password for the admin to hand over in person. Problems are
 * shown next to each field and listed at the top, where focus goes so they are read out at once.
 */
export function AddAccountForm({ carers, onAdded }: { carers: AccountList['carersWithoutAccount']; onAdded: (message: string) => void }) {
  const { transport } = useAppServices();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', role: 'organiser', carerId: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure('');
    const parsed = NewAccountRequestSchema.safeParse({ ...values, carerId: values.role === 'care-worker' && values.carerId ? values.carerId : undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), sentence(i.message)])));
      // After the summary has rendered.
      setTimeout(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const account = await transport.addAccount(parsed.data);
      setValues({ name: '', email: '', role: 'organiser', carerId: '', password: '' });
      onAdded(`${account.name} can now sign in as ${account.email}. Give them the first password in person, and ask them to change it.`);
    } catch (error) {
      setFailure(failureText('Not added', error));
    } finally {
      setBusy(false);
    }
  }

  const problems = FIELDS.filter((f) => errors[f]);
  return (
    <section className="card" aria-labelledby="new-account-heading">
      <h2 id="new-account-heading">Add an account</h2>
      {problems.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>The account is not added yet. Please fix {problems.length === 1 ? 'this' : 'these'} first:</p>
          <ul>
            {problems.map((field) => (
              <li key={field}>
                <a
                  href={`#${fieldId(field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(fieldId(field))?.focus();
                  }}
                >
                  {LABELS[field]}: {errors[field]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <p role="alert" className="error-summary">
          {failure}
        </p>
      )}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField id={fieldId('name')} label={LABELS.name} autoComplete="off" value={values.name} error={errors.name} onChange={(e) => set('name')(e.target.value)} />
        <TextField
          id={fieldId('email')}
          label={LABELS.email}
          type="email"
          autoComplete="off"
          value={values.email}
          error={errors.email}
          onChange={(e) => set('email')(e.target.value)}
        />
        <ChoiceField id={fieldId('role')} legend={LABELS.role} options={ROLE_HINTS} value={values.role} error={errors.role} onChange={set('role')} />
        {values.role === 'care-worker' && (
          <ChoiceField
            id={fieldId('carerId')}
            legend={LABELS.carerId}
            hint={carers.length === 0 ? 'Every care worker already has an account. Add the care worker under “Care workers” first.' : 'Only care workers without an account are listed.'}
            options={carers.map((c) => [c.id, c.firstName])}
            value={values.carerId}
            error={errors.carerId}
            onChange={set('carerId')}
          />
        )}
        <TextField
          id={fieldId('password')}
          label={LABELS.password}
          hint={`At least ${PASSWORD_MIN_CHARS} characters. Hand it over in person; they change it after signing in.`}
          type="password"
          autoComplete="new-password"
          value={values.password}
          error={errors.password}
          onChange={(e) => set('password')(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Adding…' : 'Add the account'}
        </button>
      </form>
    </section>
  );
}

/** The shared schema's words ("must not be empty") as a sentence next to the field. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
