import { useState, type FormEvent } from 'react';
import { NEEDS_CONNECTION, useSignIn } from '../hooks/use-sign-in';
import { CredentialFields } from './credential-fields';

/**
 * Email and password, the whole sign-in (useSignIn), and what went wrong: the sign-in screen's form, and
 * the locked tablet's "Sign in with your email instead". `offline`: say first that signing in needs a
 * connection (unless the last try already said why it failed).
 */
export function SignInForm({ idPrefix, offline = false, onSignedIn }: { idPrefix: string; offline?: boolean; onSignedIn?: () => void }) {
  const { signIn, errors, busy } = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (await signIn(email, password)) onSignedIn?.();
  }

  return (
    <>
      {offline && !errors.form && <p className="notice">{NEEDS_CONNECTION}</p>}
      {errors.form && (
        <p className="error-summary" role="alert">
          {errors.form}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <CredentialFields
          idPrefix={idPrefix}
          labels={{ email: 'Email address', password: 'Password' }}
          errors={errors}
          email={email}
          password={password}
          onEmail={setEmail}
          onPassword={setPassword}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}
