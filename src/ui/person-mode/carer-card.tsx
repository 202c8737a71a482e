import type { ReactNode } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { StoredPhoto } from '../components/stored-photo';
import { CardFace, useFaceShown, WatchFilmButton } from './card-face';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';
import { ReactionScale } from './reaction-scale';
import { TextBlock } from './text-block';

/**
 * One care worker's whole card, shown one at a time. Every card has the same parts in the same places
 * and the same size, so no one is favoured by how their card looks: what people appreciate and what
 * matters at the top, then the face, the scale and "Choose". With description first the face waits
 * behind a button ("the picture on the back"). `aside` is shown beside the name ("Person 1 of 4").
 */
export function CarerCard({ carer, busy, onChoose, aside }: { carer: CarerProfile; busy: boolean; onChoose: () => void; aside?: ReactNode }) {
  const { text } = usePersonMode();
  const headingId = `carer-${carer.id}`;
  return (
    <article className="carer-card full" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{carer.firstName}</h2>
        {aside}
      </div>
      <div className="card-words">
        <TextBlock heading={text.appreciatedHeading} items={carer.appreciated} voice={carer.voices?.appreciated} />
        <TextBlock heading={text.mattersHeading} items={carer.mattersToMe} voice={carer.voices?.mattersToMe} />
      </div>
      <div className="card-foot">
        <CardFace carer={carer} />
        <ReactionScale carerId={carer.id} carerName={carer.firstName} />
        <div className="card-actions">
          <WatchFilmButton carer={carer} />
          <ChooseButton carer={carer} busy={busy} onChoose={onChoose} />
        </div>
      </div>
    </article>
  );
}

/**
 * A carer among everyone together: the name, where the person placed them, Choose, and their face
 * (or the back of the card) as a big button back to their whole card, where the film is. All the
 * summaries are alike.
 */
export function CarerSummaryCard({ carer, busy, onChoose, onSeeAgain }: { carer: CarerProfile; busy: boolean; onChoose: () => void; onSeeAgain: () => void }) {
  const { text } = usePersonMode();
  const headingId = `carer-${carer.id}`;
  const showFace = useFaceShown(carer.id);
  return (
    <article className="carer-card summary" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{carer.firstName}</h2>
      </div>
      <PersonButton className="button secondary see-again" onActivate={onSeeAgain}>
        {/* The button says what it does; the picture on it needs no words of its own. */}
        {showFace ? <StoredPhoto sha256={carer.photo} alt="" className="photo summary-face" /> : <span className="summary-face card-back" />}
        <span>{text.seeAgain(carer.firstName)}</span>
      </PersonButton>
      <ReactionScale carerId={carer.id} carerName={carer.firstName} compact />
      <ChooseButton carer={carer} busy={busy} onChoose={onChoose} />
    </article>
  );
}

function ChooseButton({ carer, busy, onChoose }: { carer: CarerProfile; busy: boolean; onChoose: () => void }) {
  const { text } = usePersonMode();
  return (
    <PersonButton className="button choose" aria-disabled={busy || undefined} onActivate={onChoose}>
      {text.choose(carer.firstName)}
    </PersonButton>
  );
}
