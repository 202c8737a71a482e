import type { LocalVisit } from '../../local-db/database';
import { assertNever } from '../assert-never';
import { formatDayAndTime } from '../format/dates';
import { percentDone } from '../format/words';

/** One line saying whether a visit can be used with no signal. */
export function PackStatusText({ visit, onRetry }: { visit: LocalVisit; onRetry: () => void }) {
  switch (visit.packStatus) {
    case 'not-downloaded':
      return visit.packRemovedAt ? (
        <p className="pack-status">
          Removed from this tablet on {formatDayAndTime(visit.packRemovedAt)}: the office has the decision. Get it ready again if you need it.
        </p>
      ) : (
        <p className="pack-status">Not on this tablet yet</p>
      );
    case 'downloading':
      return <p className="pack-status">Getting ready… {percentDone(visit.bytesStored, visit.bytesTotal)}%</p>;
    case 'ready':
      return <p className="pack-status pack-ready">Ready to use offline</p>;
    case 'failed':
      return (
        <div className="pack-status pack-failed">
          <p>Download failed: {visit.packError ?? 'the reason is not known.'}</p>
          <button type="button" className="button secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
    default:
      return assertNever(visit.packStatus);
  }
}
