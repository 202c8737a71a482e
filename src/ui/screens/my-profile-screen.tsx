import { CarerProfilePage } from '../components/profiles/carer-profile-page';
import { PageHeading } from '../components/page-heading';
import { useSession } from '../hooks/use-session';

/** "My profile": a care worker writing their own one-page profile and agreeing to it being shown. */
export function MyProfileScreen() {
  const session = useSession();
  const carerId = session?.session.user.carerId;
  if (!carerId) {
    return (
      <>
        <PageHeading>My profile</PageHeading>
        <p>Only care workers have a one-page profile. Organisers find every care worker’s under “Care workers”.</p>
      </>
    );
  }
  return <CarerProfilePage key={carerId} carerId={carerId} ownProfile />;
}
