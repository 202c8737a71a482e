import { NavLink, Outlet } from 'react-router';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';
import { UpdatePrompt } from '../pwa/update-prompt';
import { SignOut } from './sign-out';
import { SyncStatusBar } from './sync-status-bar';

/** The frame of every signed-in screen (organisers', and a care worker's own profile). Person mode does not use it: no navigation, no sync bar there. */
export function OrganiserLayout() {
  const session = useSession();
  // A care worker's account is for their own profile: none of the office's screens, and no outbox to watch.
  const careWorker = session?.session.user.role === 'care-worker';
  return (
    <div className="organiser">
      <a className="skip-link" href="#main">
        Skip to the main content
      </a>
      <header className="site-header">
        <p className="organisation-name">{session?.session.organisation.name ?? 'Hearth'}</p>
        <nav aria-label="Main">
          {careWorker ? (
            <ul className="nav-links">
              <li>
                <NavLink to={paths.myProfile}>My profile</NavLink>
              </li>
            </ul>
          ) : (
            <ul className="nav-links">
              <li>
                <NavLink to={paths.visits} end>
                  Planned visits
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.match}>Match carers</NavLink>
              </li>
              <li>
                <NavLink to={paths.people}>People</NavLink>
              </li>
              <li>
                <NavLink to={paths.careWorkers}>Care workers</NavLink>
              </li>
              <li>
                <NavLink to={paths.office}>Decisions</NavLink>
              </li>
              <li>
                <NavLink to={paths.followUps}>Follow-ups</NavLink>
              </li>
              <li>
                <NavLink to={paths.reports}>Reports</NavLink>
              </li>
              <li>
                <NavLink to={paths.tablet}>This tablet</NavLink>
              </li>
            </ul>
          )}
        </nav>
        <SignOut />
      </header>
      <UpdatePrompt />
      {!careWorker && <SyncStatusBar />}
      <main id="main" className="organiser-main">
        <Outlet />
      </main>
    </div>
  );
}
