import { NavLink, Outlet } from 'react-router';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';
import { UpdatePrompt } from '../pwa/update-prompt';
import { SignOut } from './sign-out';
import { SyncStatusBar } from './sync-status-bar';

/** The frame of every organiser screen. Person mode does not use it: no navigation, no sync bar there. */
export function OrganiserLayout() {
  const session = useSession();
  return (
    <div className="organiser">
      <a className="skip-link" href="#main">
        Skip to the main content
      </a>
      <header className="site-header">
        <p className="organisation-name">{session?.session.organisation.name ?? 'Hearth'}</p>
        <nav aria-label="Main">
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
              <NavLink to={paths.office}>Decisions</NavLink>
            </li>
            <li>
              <NavLink to={paths.followUps}>Follow-ups</NavLink>
            </li>
            <li>
              <NavLink to={paths.tablet}>This tablet</NavLink>
            </li>
          </ul>
        </nav>
        <SignOut />
      </header>
      <UpdatePrompt />
      <SyncStatusBar />
      <main id="main" className="organiser-main">
        <Outlet />
      </main>
    </div>
  );
}
