import type { LocalVisit } from '../../local-db/database';
import { formatMegabytes, percentDone } from '../format/words';

/** A real progress bar over the bytes stored in Dexie so far. */
export function DownloadProgress({ visit }: { visit: LocalVisit }) {
  const percent = percentDone(visit.bytesStored, visit.bytesTotal);
  const detail =
    visit.bytesTotal > 0 ? `${percent}%, ${formatMegabytes(visit.bytesStored)} of ${formatMegabytes(visit.bytesTotal)}` : `${percent}%`;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Download progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text">{detail}</p>
    </div>
  );
}
