import type { OfficeData } from '../hooks/use-office-data';

const MATCHING_OFFLINE =
  'Matching needs a connection to the office, and this tablet has none right now. Connect to Wi-Fi or mobile data, then try again.';

/** What to show while the office is asked, or why it could not answer (`offline`: what needs the office), with a way to try again. */
export function OfficeDataNotice({ state, onRetry, offline = MATCHING_OFFLINE }: { state: OfficeData<unknown>; onRetry: () => void; offline?: string }) {
  switch (state.kind) {
    case 'ready':
      return null;
    case 'loading':
      return (
        <p role="status" className="loading">
          Asking the office…
        </p>
      );
    case 'offline':
    case 'failed':
      return (
        <div className="card">
          <p role="alert" className={state.kind === 'offline' ? 'notice' : 'error-summary'}>
            {state.kind === 'offline' ? offline : state.message}
          </p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
  }
}
