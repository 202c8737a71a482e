import { useRef, useState } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { useFocusOnMount } from '../hooks/use-focus-on-mount';
import { useStoredFileUrl } from '../hooks/use-stored-file-url';
import { usePersonModeStore } from '../stores/person-mode-store';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';

/**
 * A care worker's film, large, in place of the cards. It starts at once (the person pressed "Watch"),
 * with captions when the pack has them, and big Pause/Play and Start again buttons, because the
 * browser's own controls are too small for unsteady hands. Object URLs live only while it is open.
 */
export function FilmView({ carer, onClose }: { carer: CarerProfile; onClose: () => void }) {
  const { text } = usePersonMode();
  const url = useStoredFileUrl(carer.film);
  const captionsUrl = useStoredFileUrl(carer.captions);
  const noteUsed = usePersonModeStore((s) => s.noteUsed);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const video = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);

  const togglePlaying = () => {
    const element = video.current;
    if (!element) return;
    if (element.paused) play(element);
    else element.pause();
  };
  const startAgain = () => {
    const element = video.current;
    if (!element) return;
    element.currentTime = 0;
    play(element);
  };

  return (
    <section className="film-view" aria-labelledby="film-heading">
      <div className="film-header">
        <h1 id="film-heading" ref={heading} tabIndex={-1}>
          {text.filmHeading(carer.firstName)}
        </h1>
        <PersonButton onActivate={onClose}>{text.closeFilm}</PersonButton>
      </div>
      {url ? (
        <>
          <video
            ref={video}
            className="film"
            src={url}
            controls
            autoPlay
            playsInline
            preload="auto"
            aria-label={text.filmHeading(carer.firstName)}
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onEnded={() => setPlaying(false)}
          >
            {captionsUrl && (
              <track
                kind="captions"
                src={captionsUrl}
                // Captions are written with the carer's profile, in English.
                srcLang="en"
                label="English"
                default
                onLoad={() => noteUsed('captions')}
              />
            )}
          </video>
          <div className="button-row film-controls">
            <PersonButton onActivate={togglePlaying}>{playing ? text.pauseFilm : text.playFilm}</PersonButton>
            <PersonButton className="button secondary" onActivate={startAgain}>
              {text.startAgain}
            </PersonButton>
          </div>
        </>
      ) : (
        <p>{url === null ? text.filmMissing : text.filmLoading}</p>
      )}
    </section>
  );
}

/** A refused play() (e.g. the browser wants another tap) leaves the big Play button showing: nothing to report. */
function play(element: HTMLVideoElement): void {
  Promise.resolve()
    .then(() => element.play())
    .catch(() => undefined);
}
