import { useLiveQuery } from 'dexie-react-hooks';
import type { Outcome } from '../../domain/events';
import { getOutcome, getPack, listOutbox } from '../../local-db/queries';
import { useAppServices } from '../app';

export interface VisitOutcomeView {
  outcome: Outcome;
  chosenFirstName: string | null;
  recordedAt: string;
  /** Still in the outbox: not yet acknowledged by the office. */
  waitingToBeSent: boolean;
}

/** The decision recorded on this tablet for a visit, if any: undefined while reading, null if none. */
export function useVisitOutcome(visitId: string): VisitOutcomeView | null | undefined {
  const { db } = useAppServices();
  return useLiveQuery(async () => {
    const recorded = await getOutcome(db, visitId);
    if (!recorded) return null;
    const pack = await getPack(db, visitId);
    const waiting = await listOutbox(db);
    const chosen = pack?.pack.candidates.find((c) => c.id === recorded.chosenCarerId);
    return {
      outcome: recorded.outcome,
      chosenFirstName: chosen?.firstName ?? null,
      recordedAt: recorded.recordedAt,
      waitingToBeSent: waiting.some((item) => item.id === recorded.eventId),
    };
  }, [db, visitId]);
}
