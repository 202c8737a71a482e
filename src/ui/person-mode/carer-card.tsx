import { useEffect, useRef } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { StoredPhoto } from '../components/stored-photo';
import { usePersonModeStore } from '../stores/person-mode-store';
import { ListenButton } from './listen-button';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';
import { ReactionScale } from './reaction-scale';

/**
 * One care worker's card. Every card has the same parts in the same places and the same size, so no
 * one is favoured by how their card looks. With description first, what people appreciate and what
 * matters come before the face: the photo and film appear only when the person asks.
 */
export function CarerCard({ carer, busy, onChoose }: { carer: CarerProfile; busy: boolean; onChoose: () => void }) {
  const { text, settings } = usePersonMode();
  const openFilm = usePersonModeStore((s) => s.openFilm);
  const reveal = usePersonModeStore((s) => s.reveal);
  const revealed = usePersonModeStore((s) => Boolean(s.revealed[carer.id]));
  const returnFocusTo = usePersonModeStore((s) => s.returnFocusTo);
  const focusReturned = usePersonModeStore((s) => s.focusReturned);
  const card = useRef<HTMLElement>(null);
  const focusFilmButton = useRef(false);
  const headingId = `carer-${carer.id}`;
  const showFace = !settings.descriptionFirst || revealed;

  // Keep the person's place: the reveal button they pressed turns into the film button, which takes focus.
  useEffect(() => {
    if (!showFace || !focusFilmButton.current) return;
    focusFilmButton.current = false;
    card.current?.querySelector<HTMLButtonElement>('.watch-film')?.focus();
  }, [showFace]);

  useEffect(() => {
    if (returnFocusTo !== carer.id) return;
    card.current?.querySelector<HTMLButtonElement>('.watch-film')?.focus();
    focusReturned();
  }, [returnFocusTo, carer.id, focusReturned]);

  const face = showFace ? (
    <div className="card-face">
      <StoredPhoto sha256={carer.photo} alt={text.photoOf(carer.firstName)} />
      <PersonButton className="button secondary watch-film" onActivate={() => openFilm(carer.id)}>
        {text.watchFilm(carer.firstName)}
      </PersonButton>
    </div>
  ) : (
    <div className="card-face card-face-hidden">
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

  return (
    <article ref={card} className="carer-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{carer.firstName}</h2>
      {!settings.descriptionFirst && face}
      <TextBlock heading={text.appreciatedHeading} items={carer.appreciated} voice={carer.voice} />
      <TextBlock heading={text.mattersHeading} items={carer.mattersToMe} voice={carer.voice} />
      {settings.descriptionFirst && face}
      <ReactionScale carerId={carer.id} carerName={carer.firstName} />
      <div className="card-actions">
        <PersonButton className="button choose" aria-disabled={busy || undefined} onActivate={onChoose}>
          {text.choose(carer.firstName)}
        </PersonButton>
      </div>
    </article>
  );
}

/** The language care workers' profiles are written in, until a profile says otherwise. */
const PROFILE_LANGUAGE = 'en-GB';

function TextBlock({ heading, items, voice }: { heading: string; items: string[]; voice?: string }) {
  return (
    <div className="text-block">
      <div className="text-block-heading">
        <h3>{heading}</h3>
        <ListenButton text={`${heading}. ${items.join('. ')}`} label={heading} voice={voice} />
      </div>
      {/* Care workers write their profiles in English; marking it lets a screen reader switch voice
          when the screens around it are in Welsh (WCAG 3.1.2, language of parts). */}
      <ul lang={PROFILE_LANGUAGE}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
