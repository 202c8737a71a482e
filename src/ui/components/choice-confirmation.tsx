import type { CarerProfile } from '../../domain/profiles';
import { PageHeading } from './page-heading';
import { StoredPhoto } from './stored-photo';

/** Shown only after the decision is saved. Neutral words: no choice is praised over another. */
export function ChoiceConfirmation({ chosen, onGiveBack }: { chosen: CarerProfile | null; onGiveBack: () => void }) {
  return (
    <section className="confirmation" aria-labelledby="confirmation-heading">
      <PageHeading id="confirmation-heading">{chosen ? `You chose ${chosen.firstName}` : 'You said none of these'}</PageHeading>
      {chosen && <StoredPhoto sha256={chosen.photo} alt={`Photo of ${chosen.firstName}`} className="photo confirmation-photo" />}
      <p>Thank you. This is saved on the tablet.</p>
      <button type="button" className="button" onClick={onGiveBack}>
        Give the tablet back
      </button>
    </section>
  );
}
