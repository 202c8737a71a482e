import { useState } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';
import type { Decision } from './use-person-outcome';

/**
 * The answers that are not a choice of one carer: each is a real answer, shown as plainly as
 * "Choose". "I'd like to meet someone first" asks who (one or more).
 */
export function OtherOutcomes({
  candidates,
  busy,
  onDecide,
}: {
  candidates: CarerProfile[];
  busy: boolean;
  onDecide: (decision: Decision) => void;
}) {
  const { text } = usePersonMode();
  const [picking, setPicking] = useState(false);
  const [toMeet, setToMeet] = useState<string[]>([]);

  if (picking) {
    return (
      <section className="other-outcomes" aria-labelledby="meet-first-heading">
        <h2 id="meet-first-heading">{text.meetFirstQuestion}</h2>
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
        <div className="button-row">
          <PersonButton
            aria-disabled={busy || toMeet.length === 0 || undefined}
            onActivate={() => {
              if (toMeet.length === 0 || busy) return;
              // In the order the cards were shown, whatever order they were ticked in.
              const ordered = candidates.map((c) => c.id).filter((id) => toMeet.includes(id));
              onDecide({ outcome: 'meet-first', chosenCarerId: null, meetFirstCarerIds: ordered });
            }}
          >
            {text.meetFirstDone}
          </PersonButton>
          <PersonButton className="button secondary" onActivate={() => setPicking(false)}>
            {text.goBack}
          </PersonButton>
        </div>
      </section>
    );
  }

  const decide = (decision: Decision) => {
    if (!busy) onDecide(decision);
  };
  return (
    <section className="other-outcomes" aria-labelledby="other-answers-heading">
      <h2 id="other-answers-heading">{text.otherAnswers}</h2>
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
  );
}
