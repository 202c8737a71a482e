import type { CarerProfile } from '../../domain/profiles';
import { usePersonModeStore } from '../stores/person-mode-store';
import { CarerCard, CarerSummaryCard } from './carer-card';
import { usePersonMode } from './person-mode-context';

/**
 * The carers, one at a time first (less to take in), then everyone side by side, each with where the
 * person placed them, as on a Talking Mat. In each view every card is alike.
 */
export function Cards({ candidates, busy, onChoose }: { candidates: CarerProfile[]; busy: boolean; onChoose: (carerId: string) => void }) {
  const { text } = usePersonMode();
  const view = usePersonModeStore((s) => s.view);
  const index = Math.min(usePersonModeStore((s) => s.cardIndex), candidates.length - 1);
  const showCard = usePersonModeStore((s) => s.showCard);

  if (view === 'everyone') {
    return (
      <ul className="carer-cards everyone" data-count={candidates.length}>
        {candidates.map((carer, i) => (
          <li key={carer.id}>
            <CarerSummaryCard carer={carer} busy={busy} onChoose={() => onChoose(carer.id)} onSeeAgain={() => showCard(i)} />
          </li>
        ))}
      </ul>
    );
  }

  const position = text.position(index + 1, candidates.length);
  return (
    <>
      {/* Next and Back leave focus where it is, so the new card is announced here. */}
      <p className="visually-hidden" aria-live="polite">
        {`${position}: ${candidates[index]!.firstName}`}
      </p>
      {/* Every card is laid out in the same place, the others hidden, so the space is the tallest card's
          and nothing moves from one card to the next: people with unsteady hands or dementia find
          things where they were. */}
      <div className="carer-cards one-at-a-time">
        {candidates.map((carer, i) => (
          <div
            key={carer.id}
            className="card-slot"
            style={i === index ? undefined : { visibility: 'hidden' }}
            aria-hidden={i === index ? undefined : true}
            inert={i !== index}
          >
            <CarerCard
              carer={carer}
              busy={busy}
              onChoose={() => onChoose(carer.id)}
              aside={
                <p className="card-position" aria-hidden="true">
                  {text.position(i + 1, candidates.length)}
                </p>
              }
            />
          </div>
        ))}
      </div>
    </>
  );
}
