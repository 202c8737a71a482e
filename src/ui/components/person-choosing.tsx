import { useMemo } from 'react';
import type { VisitPack } from '../../domain/visits';
import { useRecordChoice } from '../hooks/use-record-choice';
import { usePersonModeStore } from '../stores/person-mode-store';
import { CandidateCard } from './candidate-card';
import { ChoiceConfirmation } from './choice-confirmation';
import { FilmView } from './film-view';
import { PageHeading } from './page-heading';

/** The person's own screen: the cards, a film when one is open, then the saved choice. */
export function PersonChoosing({ pack, onGiveBack }: { pack: VisitPack; onGiveBack: () => void }) {
  const { candidates, person, visit } = pack;
  const orderShown = useMemo(() => candidates.map((c) => c.id), [candidates]);
  const { state, choose } = useRecordChoice(visit.id, orderShown);
  const filmCarerId = usePersonModeStore((s) => s.filmCarerId);
  const closeFilm = usePersonModeStore((s) => s.closeFilm);
  const busy = state.kind === 'saving';

  if (state.kind === 'saved') {
    const chosen = candidates.find((c) => c.id === state.chosenCarerId) ?? null;
    return <ChoiceConfirmation chosen={chosen} onGiveBack={onGiveBack} />;
  }

  const filmCarer = candidates.find((c) => c.id === filmCarerId);
  if (filmCarer) return <FilmView carer={filmCarer} onClose={closeFilm} />;

  return (
    <>
      <PageHeading>Who would you like to support you, {person.firstName}?</PageHeading>
      <p className="lead">Here are the people who could support you. Take your time. You can watch each person's film.</p>
      <div role="status" className="choice-status">
        {busy && <p>Saving…</p>}
      </div>
      {state.kind === 'failed' && (
        <div role="alert" className="error-summary">
          <p>Sorry, that was not saved. Please try again.</p>
          <p className="small">{state.reason}</p>
        </div>
      )}
      <ul className="candidate-cards">
        {candidates.map((carer) => (
          <CandidateCard key={carer.id} carer={carer} busy={busy} onChoose={() => void choose('chosen', carer.id)} />
        ))}
      </ul>
      <section className="none-of-these" aria-label="None of these">
        <p>If you would not like any of these people, that is fine.</p>
        <button type="button" className="button secondary" aria-disabled={busy || undefined} onClick={() => void choose('none-of-these', null)}>
          None of these
        </button>
      </section>
    </>
  );
}
