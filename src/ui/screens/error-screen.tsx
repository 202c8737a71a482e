import { useRouteError } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { paths } from '../paths';

/**
 * Shown if a screen fails to draw. Records already saved stay in the tablet's database; a full
 * page load to the visit list (a plain link, not the router) starts the app afresh.
 */
export function ErrorScreen() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'Something unexpected happened.';
  return (
    <main id="main" className="organiser-main">
      <PageHeading>Sorry, something went wrong</PageHeading>
      <p>Anything already saved is still on this tablet.</p>
      <p className="error-text">{message}</p>
      <p>
        <a className="button" href={paths.visits}>
          Start again from the planned visits
        </a>
      </p>
    </main>
  );
}
