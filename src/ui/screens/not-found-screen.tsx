import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { paths } from '../paths';

export function NotFoundScreen() {
  return (
    <main id="main" className="organiser-main">
      <PageHeading>This page is not in Hearth</PageHeading>
      <p>
        <Link to={paths.visits}>Go to the planned visits</Link>
      </p>
    </main>
  );
}
