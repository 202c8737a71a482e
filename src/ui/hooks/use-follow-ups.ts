import { useCallback, useState } from 'react';
import type { FollowUp } from '../../domain/follow-ups';
import type { Transport } from '../../sync/transport';
import { useAppServices } from '../app';
import { useOfficeData } from './use-office-data';

export interface FollowUpLists {
  /** Waiting for the office, the one waiting longest first. */
  open: FollowUp[];
  /** Recently done, newest first. */
  done: FollowUp[];
}

async function askForFollowUps(transport: Transport): Promise<FollowUpLists> {
  const [open, done] = await Promise.all([transport.listFollowUps('open'), transport.listFollowUps('resolved')]);
  return { open, done };
}

/**
 * The office's follow-ups, asked for when the screen opens (they are office data: nothing is kept on
 * the tablet). `resolve` marks one done and moves it to the top of the done list without asking again.
 */
export function useFollowUps() {
  const { transport } = useAppServices();
  const lists = useOfficeData(askForFollowUps);
  const [resolvedHere, setResolvedHere] = useState<FollowUp[]>([]);

  const resolve = useCallback(
    async (followUpId: string, note: string): Promise<FollowUp> => {
      const followUp = await transport.resolveFollowUp(followUpId, note === '' ? {} : { note });
      setResolvedHere((earlier) => [followUp, ...earlier.filter((f) => f.id !== followUp.id)]);
      return followUp;
    },
    [transport],
  );

  const shown = lists.kind === 'ready' ? withResolved(lists.value, resolvedHere) : null;
  return { lists, shown, resolve };
}

/** The lists as fetched, with those resolved on this screen since moved from open to the top of done. */
export function withResolved(lists: FollowUpLists, resolvedHere: readonly FollowUp[]): FollowUpLists {
  const ids = new Set(resolvedHere.map((f) => f.id));
  return { open: lists.open.filter((f) => !ids.has(f.id)), done: [...resolvedHere, ...lists.done.filter((f) => !ids.has(f.id))] };
}
