import type { CarerProfile } from '../../domain/profiles';
import { usePersonModeStore } from '../stores/person-mode-store';
import { CarerCard } from './carer-card';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';

/**
 * The carers, one at a time first (less to take in), then everyone side by side. The same card is
 * used in both views, so a carer looks the same wherever they appear.
 */
export function Cards({ candidates, busy, onChoose }: { candidates: CarerProfile[]; busy: boolean; onChoose: (carerId: string) => void }) {
  const { text } = usePersonMode();
  const view = usePersonModeStore((s) => s.view);
  const index = Math.min(usePersonModeStore((s) => s.cardIndex), candidates.length - 1);
  const showCard = usePersonModeStore((s) => s.showCard);
  const showEveryone = usePersonModeStore((s) => s.showEveryone);
  const showOneAtATime = usePersonModeStore((s) => s.showOneAtATime);

  if (view === 'everyone') {
    return (
      <>
        <ul className="carer-cards" data-count={candidates.length}>
          {candidates.map((carer) => (
            <li key={carer.id}>
              <CarerCard carer={carer} busy={busy} onChoose={() => onChoose(carer.id)} />
            </li>
          ))}
        </ul>
        <div className="button-row view-switch">
          <PersonButton className="button secondary" onActivate={() => showOneAtATime()}>
            {text.seeOneAtATime}
          </PersonButton>
        </div>
      </>
    );
  }

  return (
    <>
      <p className="card-position" aria-live="polite">
        {text.position(index + 1, candidates.length)}
      </p>
      {/* Every card is laid out in the same place, the others hidden, so the space is the tallest card's
          and Next and Back never move: people with unsteady hands or dementia find them where they were. */}
      <div className="carer-cards one-at-a-time">
        {candidates.map((carer, i) => (
          <div
            key={carer.id}
            className="card-slot"
            style={i === index ? undefined : { visibility: 'hidden' }}
            aria-hidden={i === index ? undefined : true}
            inert={i !== index}
          >
            <CarerCard carer={carer} busy={busy} onChoose={() => onChoose(carer.id)} />
          </div>
        ))}
      </div>
      <div className="button-row card-steps">
        {/* Both buttons always keep their place; at either end one is disabled rather than removed. */}
        <PersonButton className="button secondary step" disabled={index === 0} onActivate={() => showCard(index - 1)}>
          {text.back}
        </PersonButton>
        <PersonButton className="button step" disabled={index === candidates.length - 1} onActivate={() => showCard(index + 1)}>
          {text.next}
        </PersonButton>
      </div>
      <div className="button-row view-switch">
        <PersonButton className="button secondary" onActivate={() => showEveryone()}>
          {text.seeEveryone}
        </PersonButton>
      </div>
    </>
  );
}
