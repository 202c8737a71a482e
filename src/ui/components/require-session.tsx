import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';

/** Organiser screens need someone signed in on this tablet; the session is kept in Dexie so this works offline. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session === undefined) return <p className="loading">Opening Hearth…</p>;
  if (session === null) return <Navigate to={paths.login} replace />;
  return children;
}
