import { NavLink, Outlet } from 'react-router';
import type { Role } from '../../domain/api';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';
import { UpdatePrompt } from '../pwa/update-prompt';
import { SignOut } from './sign-out';
import { SyncStatusBar } from './sync-status-bar';

interface NavItem {
  to: string;
  label: string;
  /** Highlighted only on this exact address (the visits list at "/"). */
  end?: boolean;
}

const NAV_VISITS: NavItem = { to: paths.visits, label: 'Planned visits', end: true };
const NAV_MATCH: NavItem = { to: paths.match, label: 'Match carers' };
const NAV_PEOPLE: NavItem = { to: paths.people, label: 'People' };
const NAV_CARE_WORKERS: NavItem = { to: paths.careWorkers, label: 'Care workers' };
const NAV_DECISIONS: NavItem = { to: paths.office, label: 'Decisions' };
const NAV_FOLLOW_UPS: NavItem = { to: paths.followUps, label: 'Follow-ups' };
const NAV_REPORTS: NavItem = { to: paths.reports, label: 'Reports' };
const NAV_TABLET: NavItem = { to: paths.tablet, label: 'This tablet' };
const NAV_DEVICES: NavItem = { to: paths.devices, label: 'Devices' };
const NAV_AUDIT_LOG: NavItem = { to: paths.auditLog, label: 'Audit log' };
const NAV_ACCOUNTS: NavItem = { to: paths.accounts, label: 'Accounts' };
const NAV_MY_PROFILE: NavItem = { to: paths.myProfile, label: 'My profile' };
const NAV_MY_ACCOUNT: NavItem = { to: paths.myAccount, label: 'Your account' };

/**
 * What each role finds in the navigation, in order: one line per link. The screens check the role
 * again (RequireRole), and the office checks it on every request. A care worker's password is on
 * "My profile", their one page, so they have no "Your account" link: one place for it, not two.
 */
export const NAV_LINKS: Record<Role, readonly NavItem[]> = {
  admin: [NAV_ACCOUNTS, NAV_DEVICES, NAV_AUDIT_LOG, NAV_MY_ACCOUNT],
  organiser: [NAV_VISITS, NAV_MATCH, NAV_PEOPLE, NAV_CARE_WORKERS, NAV_DECISIONS, NAV_FOLLOW_UPS, NAV_REPORTS, NAV_TABLET, NAV_DEVICES, NAV_MY_ACCOUNT],
  manager: [NAV_REPORTS, NAV_MY_ACCOUNT],
  'care-worker': [NAV_MY_PROFILE],
};

/** The frame of every signed-in screen (organisers', and a care worker's own profile). Person mode does not use it: no navigation, no sync bar there. */
export function OrganiserLayout() {
  const session = useSession();
  const role = session?.session.user.role;
  // Only an organiser's tablet keeps an outbox of visits' records to watch; the other roles work at the office.
  const organiser = role === 'organiser';
  // RequireSession has read the session already; this read of it follows a moment later. Until then the
  // frame waits, so a screen never shows (and takes focus) before its navigation is there.
  if (session === undefined) return <p className="loading">Opening Hearth…</p>;
  return (
    <div className="organiser">
      <a className="skip-link" href="#main">
        Skip to the main content
      </a>
      <header className="site-header">
        <p className="organisation-name">{session?.session.organisation.name ?? 'Hearth'}</p>
        <nav aria-label="Main">
          <ul className="nav-links">
            {(role ? NAV_LINKS[role] : []).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SignOut />
      </header>
      <UpdatePrompt />
      {organiser && <SyncStatusBar />}
      <main id="main" className="organiser-main">
        <Outlet />
      </main>
    </div>
  );
}
