import { Navigate, Outlet } from 'react-router';
import type { Role } from '../../domain/api';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';

/** Where each role starts, and where it is taken from a screen that is not for it. */
export const ROLE_HOME: Record<Role, string> = {
  admin: paths.accounts,
  organiser: paths.visits,
  manager: paths.reports,
  'care-worker': paths.myProfile,
};

/**
 * Screens for some roles only. Anyone else who opens one (an old link, the address bar) is taken to
 * the first screen of their own role rather than to a refusal. The office checks again on every request.
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const session = useSession();
  if (session === undefined) return null;
  const role = session?.session.user.role;
  if (role && !roles.includes(role)) return <Navigate to={ROLE_HOME[role]} replace />;
  return <Outlet />;
}

/** The office's screens are for organisers. */
export function RequireOrganiser() {
  return <RequireRole roles={['organiser']} />;
}
