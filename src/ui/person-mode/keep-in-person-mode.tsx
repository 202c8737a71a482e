import { Navigate, Outlet, useLocation } from 'react-router';
import { useAppServices } from '../app';
import { personPath } from '../paths';
import { handedOverVisitId } from './handed-over';

/**
 * Wraps every route. Once the tablet is handed over, any other address (typed, reloaded, reached by
 * Back from another document, opened in a new tab) goes straight back to that visit's person mode, so
 * nothing of the organiser's screens is rendered until the organiser's PIN has ended person mode.
 * The in-app Back button is already undone by useStayInPersonMode; this catches what starts the app afresh.
 */
export function KeepInPersonMode() {
  const { db } = useAppServices();
  const { pathname } = useLocation();
  const visitId = handedOverVisitId(db);
  if (visitId !== null && pathname !== personPath(visitId)) return <Navigate to={personPath(visitId)} replace />;
  return <Outlet />;
}
