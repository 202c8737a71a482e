import { useState, type FormEvent } from 'react';
import { LoginRequestSchema } from '../../../domain/api';
import { assertNever } from '../../assert-never';
import { CredentialFields } from '../../components/credential-fields';
import { usePersonMode } from '../person-mode-context';
import type { PersonModeText } from '../text/en';
import { DialogHeading } from './dialog-heading';
import { usePinReset, type PinReset } from './use-pin-reset';

/**
 * "Forgotten the PIN?", inside the PIN dialog: the organiser's email and password, checked with the
 * office. On success the PIN is gone and `onReset` lets the organiser out as the right PIN would.
 */
export function PinResetForm({ waiting, onReset, onBack }: { waiting: boolean; onReset: () => void; onBack: () => void }) {
  const { text } = usePersonMode();
  const { resetPin, busy } = usePinReset();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // Another way out, not a way round the wait after wrong PINs.
    if (waiting) return setProblem(text.resetWait);
    const parsed = LoginRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setProblem(null);
      return setErrors({
        email: fields.has('email') ? text.emailMissing : undefined,
        password: fields.has('password') ? text.passwordMissing : undefined,
      });
    }
    setErrors({});
    setProblem(null);
    const result = await resetPin(parsed.data);
    if (result === 'reset') return onReset();
    setPassword('');
    setProblem(problemText(result, text));
  };

  return (
    <>
      <DialogHeading>{text.forgotPin}</DialogHeading>
      <p>{text.resetIntro}</p>
      {problem && (
        <p className="error-summary" role="alert">
          {problem}
        </p>
      )}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <CredentialFields
          idPrefix="reset-"
          labels={{ email: text.emailLabel, password: text.passwordLabel }}
          errors={errors}
          email={email}
          password={password}
          onEmail={setEmail}
          onPassword={setPassword}
        />
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy || waiting || undefined}>
            {busy ? text.checking : text.resetPin}
          </button>
          <button type="button" className="button secondary" onClick={onBack}>
            {text.goBack}
          </button>
        </div>
      </form>
    </>
  );
}

function problemText(result: Exclude<PinReset, 'reset'>, text: PersonModeText): string {
  switch (result) {
    case 'offline':
      return text.resetOffline;
    case 'wrong-login':
      return text.resetWrongLogin;
    case 'other-organisation':
      return text.resetOtherOrganisation;
    case 'not-signed-in':
      return text.resetNotSignedIn;
    case 'failed':
      return text.resetFailed;
    default:
      return assertNever(result);
  }
}
