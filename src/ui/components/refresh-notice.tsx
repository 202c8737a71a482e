import type { RefreshState } from '../hooks/use-refresh-visits';
import { assertNever } from '../assert-never';

/** Says whether the list is fresh from the office or the tablet's own copy. */
export function RefreshNotice({ state }: { state: RefreshState }) {
  return (
    <p className="refresh-notice" role="status">
      {refreshText(state)}
    </p>
  );
}

function refreshText(state: RefreshState): string {
  switch (state.kind) {
    case 'refreshing':
      return 'Checking with the office for changes…';
    case 'up-to-date':
      return 'Up to date with the office.';
    case 'offline':
      return 'No connection to the office: showing the copy saved on this tablet.';
    case 'signed-out':
      return 'The office asks you to sign in again to get changes. Showing the copy saved on this tablet.';
    case 'failed':
      return `Could not get changes from the office: ${state.message} Showing the copy saved on this tablet.`;
    default:
      return assertNever(state);
  }
}
