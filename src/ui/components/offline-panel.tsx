import { useNavigate } from 'react-router';
import type { LocalVisit } from '../../local-db/database';
import { usePackDownload } from '../hooks/use-pack-download';
import { personPath } from '../paths';
import { DownloadProgress } from './download-progress';

/**
 * Getting the visit onto the tablet, and, once every file is stored and checked, handing the tablet
 * to the person. The hand-over button exists only when the pack is ready.
 */
export function OfflinePanel({ visit, handOverAgain }: { visit: LocalVisit; handOverAgain: boolean }) {
  const download = usePackDownload();
  const navigate = useNavigate();
  const name = visit.summary.personFirstName;
  const status = visit.packStatus;

  return (
    <section className="card" aria-labelledby="offline-heading">
      <h2 id="offline-heading">Offline use</h2>
      {status === 'not-downloaded' && <p>This visit is not on this tablet yet. Get it ready while there is a connection.</p>}
      {status !== 'not-downloaded' && <DownloadProgress visit={visit} />}
      <div role="status" aria-live="polite">
        {status === 'downloading' && <p>Getting ready…</p>}
        {status === 'ready' && <p className="pack-ready">Ready to use offline</p>}
        {status === 'failed' && <p className="error-text">Download failed: {visit.packError ?? 'the reason is not known.'}</p>}
      </div>
      {(status === 'not-downloaded' || status === 'failed') && (
        <button type="button" className="button" onClick={() => void download(visit.id)}>
          {status === 'failed' ? 'Try again' : 'Get ready for offline use'}
        </button>
      )}
      {status === 'ready' && (
        <button type="button" className="button hand-over" onClick={() => navigate(personPath(visit.id))}>
          {handOverAgain ? `Hand the tablet to ${name} again` : `Hand the tablet to ${name}`}
        </button>
      )}
    </section>
  );
}
