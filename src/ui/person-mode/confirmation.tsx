import type { CarerProfile } from '../../domain/profiles';
import { assertNever } from '../assert-never';
import { PageHeading } from '../components/page-heading';
import { StoredPhoto } from '../components/stored-photo';
import { ListenButton } from './listen-button';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';
import type { Decision } from './use-person-outcome';

/**
 * Shown only after the decision is saved. Neutral words: no answer is praised over another. "Undo"
 * is there while the organiser is with the person; "Give the tablet back" goes to the organiser.
 */
export function Confirmation({
  decision,
  candidates,
  undoError,
  onUndo,
  onGiveBack,
}: {
  decision: Decision;
  candidates: CarerProfile[];
  undoError: string | null;
  onUndo: () => void;
  onGiveBack: () => void;
}) {
  const { text } = usePersonMode();
  const chosen = candidates.find((c) => c.id === decision.chosenCarerId) ?? null;
  const heading = headline(decision, candidates, text);
  return (
    <section className="confirmation" aria-labelledby="confirmation-heading">
      <div className="heading-with-listen">
        <PageHeading id="confirmation-heading">{heading}</PageHeading>
        <ListenButton text={`${heading}. ${text.saved}`} label={heading} />
      </div>
      {chosen && <StoredPhoto sha256={chosen.photo} alt={text.photoOf(chosen.firstName)} className="photo confirmation-photo" />}
      <p>{text.saved}</p>
      {undoError && (
        <div role="alert" className="error-summary">
          <p>{text.notSaved}</p>
          <p className="small">{undoError}</p>
        </div>
      )}
      <div className="button-row confirmation-actions">
        <PersonButton className="button secondary" onActivate={onUndo}>
          {text.undo}
        </PersonButton>
        <PersonButton onActivate={onGiveBack}>{text.giveBack}</PersonButton>
      </div>
    </section>
  );
}

function headline(decision: Decision, candidates: CarerProfile[], text: ReturnType<typeof usePersonMode>['text']): string {
  const name = (id: string | null) => candidates.find((c) => c.id === id)?.firstName ?? '';
  switch (decision.outcome) {
    case 'chosen':
      return text.youChose(name(decision.chosenCarerId));
    case 'none-of-these':
      return text.youSaidNone;
    case 'not-sure-yet':
      return text.youSaidNotSure;
    case 'meet-first':
      return text.youWantToMeet(decision.meetFirstCarerIds.map(name));
    default:
      return assertNever(decision.outcome);
  }
}
