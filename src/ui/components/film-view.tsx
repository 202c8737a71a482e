import { useRef, useState } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { useFocusOnMount } from '../hooks/use-focus-on-mount';
import { useStoredFileUrl } from '../hooks/use-stored-file-url';

/**
 * A care worker's film, large, in place of the cards. It starts at once (the person pressed "Watch"),
 * with big pause and start-again buttons, because the browser's own controls are too small for
 * unsteady hands. The film's object URL lives only while this is open: closing revokes it.
 */
export function FilmView({ carer, onClose }: { carer: CarerProfile; onClose: () => void }) {
  const url = useStoredFileUrl(carer.film);
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
          {carer.firstName}'s film
        </h1>
        <button type="button" className="button" onClick={onClose}>
          Close film
        </button>
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
            aria-label={`${carer.firstName}'s film`}
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onEnded={() => setPlaying(false)}
          />
          <div className="button-row film-controls">
            <button type="button" className="button" onClick={togglePlaying}>
              {playing ? 'Pause the film' : 'Play the film'}
            </button>
            <button type="button" className="button secondary" onClick={startAgain}>
              Start again
            </button>
          </div>
        </>
      ) : (
        <p>{url === null ? 'This film is not on the tablet.' : 'Getting the film ready…'}</p>
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
