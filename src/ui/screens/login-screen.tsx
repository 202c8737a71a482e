import { Navigate, useNavigate } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { SignInForm } from '../components/sign-in-form';
import { useBrowserOnline } from '../hooks/use-browser-online';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';

export function LoginScreen() {
  const session = useSession();
  const online = useBrowserOnline();
  const navigate = useNavigate();

  if (session) return <Navigate to={paths.visits} replace />;

  return (
    <main id="main" className="organiser-main narrow">
      <p className="brand">Hearth</p>
      <PageHeading>Sign in</PageHeading>
      <p>Sign in with the email address and password your organisation gave you.</p>
      <SignInForm idPrefix="" offline={!online} onSignedIn={() => navigate(paths.visits, { replace: true })} />
    </main>
  );
}
