import { usePersonModeStore } from '../stores/person-mode-store';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';

/**
 * The row of big buttons at the foot of the person's screen. Each button has its own place, kept in
 * every view (an empty place where a button is not needed), so the person learns where things are.
 */
export function StepBar({ count, onGoBack }: { count: number; onGoBack: (() => void) | null }) {
  const { text } = usePersonMode();
  const view = usePersonModeStore((s) => s.view);
  const index = Math.min(usePersonModeStore((s) => s.cardIndex), count - 1);
  const { showCard, showEveryone, showOneAtATime, openOtherAnswers } = usePersonModeStore.getState();

  if (onGoBack) {
    return (
      <div className="step-bar">
        <PersonButton className="button secondary step-back" onActivate={onGoBack}>
          {text.goBack}
        </PersonButton>
      </div>
    );
  }
  return (
    <div className="step-bar">
      {view === 'one-at-a-time' && (
        // Both buttons always keep their place; at either end one is disabled rather than removed.
        <PersonButton className="button secondary step-back" disabled={index === 0} onActivate={() => showCard(index - 1)}>
          {text.back}
        </PersonButton>
      )}
      <PersonButton className="button secondary step-view" onActivate={view === 'one-at-a-time' ? showEveryone : showOneAtATime}>
        {view === 'one-at-a-time' ? text.seeEveryone : text.seeOneAtATime}
      </PersonButton>
      <PersonButton className="button secondary step-other" onActivate={openOtherAnswers}>
        {text.otherAnswers}
      </PersonButton>
      {view === 'one-at-a-time' && (
        <PersonButton className="button step-next" disabled={index === count - 1} onActivate={() => showCard(index + 1)}>
          {text.next}
        </PersonButton>
      )}
    </div>
  );
}
