import { useParams } from 'react-router';
import { CarerProfilePage } from '../components/profiles/carer-profile-page';

/** An organiser writing or checking a care worker's one-page profile. */
export function CarerProfileScreen() {
  const { carerId = '' } = useParams();
  return <CarerProfilePage key={carerId} carerId={carerId} ownProfile={false} />;
}
