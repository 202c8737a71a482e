import { useState } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { usePersonModeStore } from '../stores/person-mode-store';
import { ListenButton } from './listen-button';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';
import { StepBar } from './step-bar';
import type { Decision } from './use-person-outcome';

/**
 * The answers that are not a choice of one carer, in place of the cards: each is a real answer, shown
 * as plainly as "Choose". "I'd like to meet someone first" asks who (one or more). "Go back" is in
 * the place where "Back" always is.
 */
export function OtherOutcomes({ candidates, busy, onDecide }: { candidates: CarerProfile[]; busy: boolean; onDecide: (decision: Decision) => void }) {
  const { text } = usePersonMode();
  const closeOtherAnswers = usePersonModeStore((s) => s.closeOtherAnswers);
  const [picking, setPicking] = useState(false);
  const [toMeet, setToMeet] = useState<string[]>([]);
  const decide = (decision: Decision) => {
    if (!busy) onDecide(decision);
  };

  if (picking) {
    return (
      <>
        <section className="other-outcomes" aria-labelledby="meet-first-heading">
          <div className="heading-with-listen">
            <h2 id="meet-first-heading">{text.meetFirstQuestion}</h2>
            <ListenButton text={[text.meetFirstQuestion, ...candidates.map((c) => c.firstName)].join(' ')} label={text.meetFirstQuestion} />
          </div>
          <fieldset className="meet-first-choices" aria-labelledby="meet-first-heading">
            {candidates.map((carer) => (
              <label key={carer.id} className="meet-first-option">
                <input
                  type="checkbox"
                  checked={toMeet.includes(carer.id)}
                  onChange={(e) => setToMeet(e.target.checked ? [...toMeet, carer.id] : toMeet.filter((id) => id !== carer.id))}
                />
                <span>{carer.firstName}</span>
              </label>
            ))}
          </fieldset>
          <PersonButton
            aria-disabled={busy || toMeet.length === 0 || undefined}
            onActivate={() => {
              if (toMeet.length === 0) return;
              // In the order the cards were shown, whatever order they were ticked in.
              const ordered = candidates.map((c) => c.id).filter((id) => toMeet.includes(id));
              decide({ outcome: 'meet-first', chosenCarerId: null, meetFirstCarerIds: ordered });
            }}
          >
            {text.meetFirstDone}
          </PersonButton>
        </section>
        <StepBar count={candidates.length} onGoBack={() => setPicking(false)} />
      </>
    );
  }

  return (
    <>
      <section className="other-outcomes" aria-labelledby="other-answers-heading">
        <div className="heading-with-listen">
          <h2 id="other-answers-heading">{text.otherAnswers}</h2>
          <ListenButton
            text={[text.otherAnswers, text.noneOfTheseNote, text.noneOfThese, text.notSureYet, text.meetFirst].join('. ')}
            label={text.otherAnswers}
          />
        </div>
        <p>{text.noneOfTheseNote}</p>
        <div className="other-outcome-buttons">
          <PersonButton
            className="button secondary"
            aria-disabled={busy || undefined}
            onActivate={() => decide({ outcome: 'none-of-these', chosenCarerId: null, meetFirstCarerIds: [] })}
          >
            {text.noneOfThese}
          </PersonButton>
          <PersonButton
            className="button secondary"
            aria-disabled={busy || undefined}
            onActivate={() => decide({ outcome: 'not-sure-yet', chosenCarerId: null, meetFirstCarerIds: [] })}
          >
            {text.notSureYet}
          </PersonButton>
          <PersonButton className="button secondary" aria-disabled={busy || undefined} onActivate={() => setPicking(true)}>
            {text.meetFirst}
          </PersonButton>
        </div>
      </section>
      <StepBar count={candidates.length} onGoBack={closeOtherAnswers} />
    </>
  );
}
