import { PageHeading } from '../components/page-heading';
import type { WipeReport } from '../../local-db/wipe-tablet';
import type { WipeScreen } from '../stores/wipe-store';

const STEP_WORDS: Record<WipeReport['steps'][number]['name'], string> = {
  'hearth-database': 'Hearth’s records',
  'other-databases': 'other saved records',
  caches: 'saved copies of pages and files',
  'service-workers': 'the offline app',
  'web-storage': 'saved settings',
};

/**
 * All that is left on screen after a wipe. Plain about the result: a wipe that could not finish says so,
 * with what to do, rather than claiming the tablet is empty.
 */
export function TabletWipedScreen({ screen }: { screen: WipeScreen }) {
  const { reason, organisationName, report } = screen;
  const heading =
    reason === 'revoked' ? `This tablet has been removed from ${organisationName ?? 'its organisation'}` : 'You have signed out';
  return (
    <main id="main" className="organiser-main tablet-wiped">
      <PageHeading>{heading}</PageHeading>
      {report === null ? (
        <p role="status">Deleting everything Hearth kept on this tablet…</p>
      ) : report.complete ? (
        <>
          <p role="status">{reason === 'revoked' ? 'Nothing about anyone is stored on it now.' : 'Nothing about anyone is stored on this tablet now.'}</p>
          {reason === 'signed-out' && (
            <p>
              {/* A full page load, not the router: the app starts again from nothing. */}
              <a href="/login">Sign in again</a>
            </p>
          )}
        </>
      ) : (
        <div role="alert">
          <p>Hearth could not delete everything on this tablet.</p>
          <ul>
            {report.steps
              .filter((s) => s.outcome === 'failed')
              .map((s) => (
                <li key={s.name}>Not deleted: {STEP_WORDS[s.name]}.</li>
              ))}
            {report.left.databases.length + report.left.caches.length > 0 && <li>Still stored: {[...report.left.databases, ...report.left.caches].length} saved records or files.</li>}
            {report.unchecked.length > 0 && <li>This browser cannot show whether everything is gone.</li>}
          </ul>
          <p>
            Close every Hearth tab, then in the tablet’s Settings clear this website’s data (on an iPad: Settings, Safari, Advanced,
            Website Data). Tell your office.
          </p>
        </div>
      )}
    </main>
  );
}
