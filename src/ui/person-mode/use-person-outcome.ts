import { useCallback, useRef, useState } from 'react';
import type { Outcome, Presentation } from '../../domain/events';
import type { VisitPack } from '../../domain/visits';
import { recordOutcome, withdrawOutcome } from '../../local-db/record-event';
import { useAppServices } from '../app';
import { usePersonModeStore } from '../stores/person-mode-store';
import { knownHowDecided } from './how-decided';
import type { ResolvedSettings } from './person-mode-context';

export interface Decision {
  outcome: Outcome;
  chosenCarerId: string | null;
  meetFirstCarerIds: string[];
}

export type OutcomeState =
  | { kind: 'choosing' }
  | { kind: 'saving' }
  | { kind: 'saved'; decision: Decision }
  | { kind: 'failed'; reason: string };

/**
 * Records the person's decision with where they placed each carer, what was shown first and what
 * the app knows of how it was made. 'saved' is reached only after the outcome and its outbox row are
 * both written, so the screen never says a decision is kept when it is not. Undo withdraws it.
 */
export function usePersonOutcome(pack: VisitPack, settings: ResolvedSettings, handedOverAt: Date) {
  const { db, now, randomBytes } = useAppServices();
  const [state, setState] = useState<OutcomeState>({ kind: 'choosing' });
  const [undoError, setUndoError] = useState<string | null>(null);
  // A second tap while saving is ignored: unsteady hands often tap twice.
  const working = useRef(false);
  const visitId = pack.visit.id;

  const decide = useCallback(
    async (decision: Decision) => {
      if (working.current) return;
      working.current = true;
      setState({ kind: 'saving' });
      try {
        const { reactions, used } = usePersonModeStore.getState();
        const orderShown = pack.candidates.map((c) => c.id);
        const presentation: Presentation = settings.descriptionFirst ? 'description-first' : 'face-first';
        await recordOutcome(
          db,
          {
            visitId,
            outcome: decision.outcome,
            chosenCarerId: decision.chosenCarerId,
            orderShown,
            ...(decision.outcome === 'meet-first' ? { meetFirstCarerIds: decision.meetFirstCarerIds } : {}),
            reactions: orderShown.flatMap((carerId) => (reactions[carerId] ? [{ carerId, reaction: reactions[carerId] }] : [])),
            presentation,
            language: settings.language,
            howDecided: knownHowDecided(settings, used, handedOverAt, now()),
          },
          { now, randomBytes },
        );
        setState({ kind: 'saved', decision });
      } catch (error) {
        setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      } finally {
        working.current = false;
      }
    },
    [db, visitId, pack.candidates, settings, handedOverAt, now, randomBytes],
  );

  const undo = useCallback(async () => {
    if (working.current) return;
    working.current = true;
    setUndoError(null);
    try {
      await withdrawOutcome(db, visitId, { now, randomBytes });
      // Back to the cards, where everything the person placed is still as they left it.
      usePersonModeStore.getState().closeOtherAnswers();
      setState({ kind: 'choosing' });
    } catch (error) {
      // The decision is still saved: say so, rather than pretend it was undone.
      setUndoError(error instanceof Error ? error.message : String(error));
    } finally {
      working.current = false;
    }
  }, [db, visitId, now, randomBytes]);

  return { state, decide, undo, undoError };
}
