import { Navigate, Outlet } from 'react-router';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';

/**
 * The office's screens are for organisers. A care worker who opens one (an old link, the address bar)
 * is taken to their own profile, the one thing their account is for, rather than to a refusal.
 */
export function RequireOrganiser() {
  const session = useSession();
  if (session === undefined) return null;
  if (session?.session.user.role === 'care-worker') return <Navigate to={paths.myProfile} replace />;
  return <Outlet />;
}
