import { useCallback, useState } from 'react';
import type { Conflict, ResolveConflictRequest } from '../../domain/conflicts';
import type { Transport } from '../../sync/transport';
import { useAppServices } from '../app';
import { useOfficeData } from './use-office-data';

const askForOpenConflicts = (transport: Transport) => transport.listConflicts('open');

/**
 * The office's open conflicts, asked for when the screen opens (office data: nothing is kept on the
 * tablet). `resolve` records a decision and takes that conflict out of the list shown.
 */
export function useConflicts() {
  const { transport } = useAppServices();
  const list = useOfficeData(askForOpenConflicts);
  const [resolvedHere, setResolvedHere] = useState<string[]>([]);

  const resolve = useCallback(
    async (conflictId: string, request: ResolveConflictRequest): Promise<Conflict> => {
      const conflict = await transport.resolveConflict(conflictId, request);
      setResolvedHere((earlier) => [...earlier, conflict.id]);
      return conflict;
    },
    [transport],
  );

  const open = list.kind === 'ready' ? list.value.filter((c) => !resolvedHere.includes(c.id)) : null;
  return { list, open, resolve };
}
