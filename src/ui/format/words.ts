import type { ShowBlocker } from '../../domain/carer-profile-form';

/** "1 record waiting to be sent", "3 records waiting to be sent", "Nothing waiting to be sent". */
export function recordsWaitingText(count: number): string {
  if (count === 0) return 'Nothing waiting to be sent';
  return `${count} ${count === 1 ? 'record' : 'records'} waiting to be sent`;
}

/** Whole percent done, never above 100; 0 while the size is not known yet. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

/** "4.7 MB" */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const BLOCKER_WORDS: Record<ShowBlocker, string> = {
  profile: 'profile not finished',
  photo: 'no photo yet',
  film: 'no film yet',
  consent: 'has not agreed to be shown yet',
};

/** "no film yet, has not agreed to be shown yet": what still stops a carer's profile from being shown. */
export function blockersText(blockers: readonly ShowBlocker[]): string {
  return blockers.map((b) => BLOCKER_WORDS[b]).join(', ');
}
