import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { useBrowserOnline } from '../hooks/use-browser-online';
import { useSession } from '../hooks/use-session';
import { NEEDS_CONNECTION, useSignIn } from '../hooks/use-sign-in';
import { paths } from '../paths';
import { CredentialFields } from '../components/credential-fields';

export function LoginScreen() {
  const session = useSession();
  const online = useBrowserOnline();
  const navigate = useNavigate();
  const { signIn, errors, busy } = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session) return <Navigate to={paths.visits} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (await signIn(email, password)) navigate(paths.visits, { replace: true });
  }

  return (
    <main id="main" className="organiser-main narrow">
      <p className="brand">Hearth</p>
      <PageHeading>Sign in</PageHeading>
      <p>Sign in with the email address and password your organisation gave you.</p>
      {!online && !errors.form && <p className="notice">{NEEDS_CONNECTION}</p>}
      {errors.form && (
        <p className="error-summary" role="alert">
          {errors.form}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <CredentialFields
          idPrefix=""
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
    </main>
  );
}
