import { useState } from 'react';
import type { CarerProfileView } from '../../../domain/carer-profile-form';
import { useAppServices } from '../../app';
import { formatDayAndTime } from '../../format/dates';
import { failureText } from '../../format/failure-text';

/**
 * The care worker's agreement that their profile, photo and film may be shown to people choosing a carer.
 * Only they can give or withdraw it; an organiser sees where it stands.
 */
export function ConsentSection({
  view,
  ownProfile,
  name,
  onChanged,
}: {
  view: CarerProfileView;
  ownProfile: boolean;
  name: string;
  onChanged: (view: CarerProfileView) => void;
}) {
  const { transport } = useAppServices();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const agreed = view.consentGivenAt !== null;

  async function change(agree: boolean) {
    setBusy(true);
    setMessage('');
    try {
      const changed = await transport.setCarerConsent(view.id, { agreed: agree });
      onChanged(changed);
      setMessage(agree ? 'Thank you: your agreement is recorded.' : 'Your agreement is withdrawn. Nobody will be shown your profile from now on.');
    } catch (error) {
      setMessage(failureText('Not changed', error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="consent-heading">
      <h2 id="consent-heading">Showing {ownProfile ? 'your' : 'the'} profile to people</h2>
      {agreed ? (
        <p>
          {ownProfile ? 'You agreed' : `${name || 'They'} agreed`} on {formatDayAndTime(view.consentGivenAt!)} that people choosing a carer may see this
          profile, photo and film.
        </p>
      ) : (
        <p>
          {ownProfile
            ? 'Nobody is shown your profile, photo or film until you agree.'
            : `${name || 'This care worker'} has not agreed yet, so nobody is shown this profile. Only they can agree, from their own account.`}
        </p>
      )}
      {ownProfile &&
        (agreed ? (
          <button type="button" className="button secondary" disabled={busy} onClick={() => void change(false)}>
            Withdraw my agreement
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void change(true)}>
            I agree: people choosing a carer may see my profile, photo and film
          </button>
        ))}
      <p role="status">{message}</p>
    </section>
  );
}
