import type { CarerProfile } from '../../domain/profiles';
import { useFocusOnMount } from '../hooks/use-focus-on-mount';
import { useStoredFileUrl } from '../hooks/use-stored-file-url';

/**
 * A care worker's film, large, in place of the cards. The film's object URL lives only while this
 * is open: closing unmounts it and the URL is revoked. Nothing plays by itself and nothing times out.
 */
export function FilmView({ carer, onClose }: { carer: CarerProfile; onClose: () => void }) {
  const url = useStoredFileUrl(carer.film);
  const heading = useFocusOnMount<HTMLHeadingElement>();
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
        <video className="film" src={url} controls playsInline preload="metadata" aria-label={`${carer.firstName}'s film`} />
      ) : (
        <p>{url === null ? 'This film is not on the tablet.' : 'Getting the film ready…'}</p>
      )}
    </section>
  );
}
