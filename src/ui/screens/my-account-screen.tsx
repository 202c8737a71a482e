import { Navigate } from 'react-router';
import { ROLE_LABELS } from '../../domain/accounts';
import type { Role } from '../../domain/api';
import { ChangePasswordSection } from '../components/change-password-section';
import { PageHeading } from '../components/page-heading';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';

/** What each role may do, said to the person who has it. */
const ROLE_MEANS: Record<Role, string> = {
  admin: 'You manage your organisation’s accounts and tablets, and read the audit log.',
  organiser: 'You plan visits and keep people’s and care workers’ profiles.',
  manager: 'You read the reports and each visit’s evidence. You cannot change them.',
  'care-worker': 'You keep your own one-page profile.',
};

/**
 * "Your account": who is signed in, their password, and signing out everywhere, for every role.
 * A care worker already has all of this on "My profile", their one page, so they are taken there:
 * one place to change a password, not two.
 */
export function MyAccountScreen() {
  const session = useSession();
  if (session === undefined) return null;
  if (session === null) return <Navigate to={paths.login} replace />;
  const { user, organisation } = session.session;
  if (user.role === 'care-worker' && user.carerId) return <Navigate to={paths.myProfile} replace />;

  return (
    <>
      <PageHeading>Your account</PageHeading>
      <section className="card" aria-labelledby="signed-in-heading">
        <h2 id="signed-in-heading">Signed in as</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email address</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>
            {ROLE_LABELS[user.role]}. {ROLE_MEANS[user.role]}
          </dd>
          <dt>Organisation</dt>
          <dd>{organisation.name}</dd>
        </dl>
      </section>
      <ChangePasswordSection />
    </>
  );
}
