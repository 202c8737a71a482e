import { useEffect, useRef } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { StoredPhoto } from '../components/stored-photo';
import { usePersonModeStore } from '../stores/person-mode-store';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';

/** Whether this carer's photo and film are shown: always with face first, once asked with description first. */
export function useFaceShown(carerId: string): boolean {
  const { settings } = usePersonMode();
  const revealed = usePersonModeStore((s) => Boolean(s.revealed[carerId]));
  return !settings.descriptionFirst || revealed;
}

/**
 * The photo, or, with description first, "the picture on the back": one button in a box the same
 * size as the photo, so nothing on the card moves when the face is shown.
 */
export function CardFace({ carer }: { carer: CarerProfile }) {
  const { text } = usePersonMode();
  const reveal = usePersonModeStore((s) => s.reveal);
  const returnFocusTo = usePersonModeStore((s) => s.returnFocusTo);
  const focusReturned = usePersonModeStore((s) => s.focusReturned);
  const box = useRef<HTMLDivElement>(null);
  const focusFilmButton = useRef(false);
  const showFace = useFaceShown(carer.id);
  const filmButton = () => box.current?.closest('.carer-card')?.querySelector<HTMLButtonElement>('.watch-film');

  // Keep the person's place: pressing the covered box shows the face, and the film button takes focus.
  useEffect(() => {
    if (!showFace || !focusFilmButton.current) return;
    focusFilmButton.current = false;
    filmButton()?.focus();
  }, [showFace]);

  // Back from the film: focus returns to the film button of the card that was showing.
  useEffect(() => {
    if (returnFocusTo !== carer.id) return;
    filmButton()?.focus();
    focusReturned();
  }, [returnFocusTo, carer.id, focusReturned]);

  if (showFace) {
    return (
      <div ref={box} className="card-face">
        <StoredPhoto sha256={carer.photo} alt={text.photoOf(carer.firstName)} />
      </div>
    );
  }
  return (
    <div ref={box} className="card-face card-face-hidden">
      <PersonButton
        className="button secondary reveal-face"
        onActivate={() => {
          focusFilmButton.current = true;
          reveal(carer.id);
        }}
      >
        {text.showPhotoAndFilm(carer.firstName)}
      </PersonButton>
    </div>
  );
}

/** Opens the carer's film, large. Shown once the face is. */
export function WatchFilmButton({ carer }: { carer: CarerProfile }) {
  const { text } = usePersonMode();
  const openFilm = usePersonModeStore((s) => s.openFilm);
  if (!useFaceShown(carer.id)) return null;
  return (
    <PersonButton className="button secondary watch-film" onActivate={() => openFilm(carer.id)}>
      {text.watchFilm(carer.firstName)}
    </PersonButton>
  );
}
