import { useCallback } from 'react';
import { downloadVisitPack, type DownloadResult } from '../../sync/pack-downloader';
import { useAppServices } from '../app';

/**
 * Starts getting a visit ready for offline use. Progress and failures are written to Dexie by the
 * downloader, so screens show them with useLiveQuery rather than from this promise.
 */
export function usePackDownload(): (visitId: string) => Promise<DownloadResult> {
  const { db, transport, now, estimateStorage } = useAppServices();
  return useCallback(
    (visitId: string) => downloadVisitPack(db, transport, visitId, { now, estimateStorage }),
    [db, transport, now, estimateStorage],
  );
}
