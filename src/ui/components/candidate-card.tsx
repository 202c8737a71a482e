import { useEffect, useRef } from 'react';
import type { CarerProfile } from '../../domain/profiles';
import { usePersonModeStore } from '../stores/person-mode-store';
import { StoredPhoto } from './stored-photo';

/**
 * One care worker's card in person mode. Every card has the same parts in the same places and the
 * same size, so no one is favoured by how their card looks.
 */
export function CandidateCard({ carer, busy, onChoose }: { carer: CarerProfile; busy: boolean; onChoose: () => void }) {
  const openFilm = usePersonModeStore((s) => s.openFilm);
  const returnFocusTo = usePersonModeStore((s) => s.returnFocusTo);
  const focusReturned = usePersonModeStore((s) => s.focusReturned);
  const watchButton = useRef<HTMLButtonElement>(null);
  const headingId = `carer-${carer.id}`;

  useEffect(() => {
    if (returnFocusTo !== carer.id) return;
    watchButton.current?.focus();
    focusReturned();
  }, [returnFocusTo, carer.id, focusReturned]);

  return (
    <li className="candidate-card">
      <article aria-labelledby={headingId}>
        <StoredPhoto sha256={carer.photo} alt={`Photo of ${carer.firstName}`} />
        <h2 id={headingId}>{carer.firstName}</h2>
        <h3>What people appreciate about me</h3>
        <ul>
          {carer.appreciated.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <h3>What matters to me</h3>
        <ul>
          {carer.mattersToMe.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <div className="card-actions">
          <button ref={watchButton} type="button" className="button secondary" onClick={() => openFilm(carer.id)}>
            Watch {carer.firstName}'s film
          </button>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={onChoose}>
            Choose {carer.firstName}
          </button>
        </div>
      </article>
    </li>
  );
}
