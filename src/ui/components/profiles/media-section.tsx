import type { CarerProfileView } from '../../../domain/carer-profile-form';
import { PhotoPanel } from '../media/photo-panel';
import { RecorderPanel } from '../media/recorder-panel';
import { CaptionsEditor } from './captions-editor';

/** A one-minute film: the length, and what a person can watch without tiring. */
export const FILM_SECONDS = 60;
export const VOICE_SECONDS = 60;

/** The photo, the one-minute film with its captions, and each section read aloud in the carer's own voice. */
export function MediaSection({ view, ownProfile, onChanged }: { view: CarerProfileView; ownProfile: boolean; onChanged: () => void }) {
  const who = ownProfile ? 'you' : 'they';
  return (
    <section aria-labelledby="media-heading">
      <h2 id="media-heading">Photo, film and voice</h2>
      <PhotoPanel carerId={view.id} hasPhoto={view.photo !== null} onReady={onChanged} />
      <RecorderPanel
        carerId={view.id}
        kind="film"
        title={view.film ? 'Film: there is one. Record or choose a new one to replace it.' : `Film: ${ownProfile ? 'introduce yourself' : 'they introduce themselves'} in one minute`}
        maxSeconds={FILM_SECONDS}
        onReady={onChanged}
      />
      <CaptionsEditor carerId={view.id} />
      <p>
        Person mode reads each part of the profile aloud. It sounds best in {who === 'you' ? 'your' : 'their'} own voice: read each part out, up to a
        minute each.
      </p>
      <RecorderPanel carerId={view.id} kind="voice-appreciated" title="Read aloud: What people appreciate about me" maxSeconds={VOICE_SECONDS} onReady={onChanged} />
      <RecorderPanel carerId={view.id} kind="voice-matters" title="Read aloud: What matters to me" maxSeconds={VOICE_SECONDS} onReady={onChanged} />
    </section>
  );
}
