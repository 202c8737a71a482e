import { useCallback, useRef, useState } from 'react';
import type { Outcome } from '../../domain/events';
import { recordOutcome } from '../../local-db/record-event';
import { useAppServices } from '../app';

export type ChoiceState =
  | { kind: 'choosing' }
  | { kind: 'saving' }
  | { kind: 'saved'; outcome: Outcome; chosenCarerId: string | null }
  | { kind: 'failed'; reason: string };

/**
 * Records the person's decision. 'saved' is reached only after the outcome and its outbox row are
 * both written, so the screen never tells someone their choice is kept when it is not.
 */
export function useRecordChoice(visitId: string, orderShown: string[]) {
  const { db, now, randomBytes } = useAppServices();
  const [state, setState] = useState<ChoiceState>({ kind: 'choosing' });
  // A second tap while saving is ignored: unsteady hands often tap twice.
  const saving = useRef(false);

  const choose = useCallback(
    async (outcome: Outcome, chosenCarerId: string | null) => {
      if (saving.current) return;
      saving.current = true;
      setState({ kind: 'saving' });
      try {
        await recordOutcome(db, { visitId, outcome, chosenCarerId, orderShown }, { now, randomBytes });
        setState({ kind: 'saved', outcome, chosenCarerId });
      } catch (error) {
        setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      } finally {
        saving.current = false;
      }
    },
    [db, visitId, orderShown, now, randomBytes],
  );

  return { state, choose };
}
