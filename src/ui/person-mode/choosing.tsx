import type { VisitPack } from '../../domain/visits';
import { PageHeading } from '../components/page-heading';
import { usePersonModeStore } from '../stores/person-mode-store';
import { Cards } from './cards';
import { Confirmation } from './confirmation';
import { FilmView } from './film-view';
import { ListenButton } from './listen-button';
import { OtherOutcomes } from './other-outcomes';
import { usePersonMode } from './person-mode-context';
import { StepBar } from './step-bar';
import { usePersonOutcome } from './use-person-outcome';

/**
 * The person's own screen: the question at the top, the cards (or the other answers) in the middle,
 * the big step buttons at the foot; a film when one is open; then the saved answer.
 */
export function Choosing({ pack, handedOverAt, onGiveBack }: { pack: VisitPack; handedOverAt: Date; onGiveBack: () => void }) {
  const { text, settings } = usePersonMode();
  const { candidates, person } = pack;
  const { state, decide, undo, undoError } = usePersonOutcome(pack, settings, handedOverAt);
  const filmCarerId = usePersonModeStore((s) => s.filmCarerId);
  const closeFilm = usePersonModeStore((s) => s.closeFilm);
  const otherAnswersOpen = usePersonModeStore((s) => s.otherAnswersOpen);
  const busy = state.kind === 'saving';

  if (state.kind === 'saved') {
    return (
      <Confirmation decision={state.decision} candidates={candidates} undoError={undoError} onUndo={() => void undo()} onGiveBack={onGiveBack} />
    );
  }

  const filmCarer = candidates.find((c) => c.id === filmCarerId);
  if (filmCarer) return <FilmView carer={filmCarer} onClose={closeFilm} />;

  const question = text.question(person.firstName);
  // With hold-to-choose or scanning, the line under the question says how to choose instead.
  const lead = settings.selection === 'dwell' ? text.holdToChoose : settings.selection === 'scan' ? text.scanHint : text.intro;
  return (
    <>
      <div className="question">
        <PageHeading>{question}</PageHeading>
        <ListenButton text={`${question} ${lead}`} label={question} />
      </div>
      <p className="lead">{lead}</p>
      <div role="status" className="choice-status">
        {busy && <p>{text.saving}</p>}
      </div>
      {state.kind === 'failed' && (
        <div role="alert" className="error-summary">
          <p>{text.notSaved}</p>
          <p className="small">{state.reason}</p>
        </div>
      )}
      {otherAnswersOpen ? (
        <OtherOutcomes candidates={candidates} busy={busy} onDecide={(decision) => void decide(decision)} />
      ) : (
        <>
          <Cards
            candidates={candidates}
            busy={busy}
            onChoose={(carerId) => void decide({ outcome: 'chosen', chosenCarerId: carerId, meetFirstCarerIds: [] })}
          />
          <StepBar count={candidates.length} onGoBack={null} />
        </>
      )}
    </>
  );
}
