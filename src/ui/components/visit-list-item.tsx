import { Link } from 'react-router';
import type { LocalVisit } from '../../local-db/database';
import { formatDayAndTime } from '../format/dates';
import { usePackDownload } from '../hooks/use-pack-download';
import { visitPath } from '../paths';
import { decisionWords } from './decision-text';
import { PackStatusText } from './pack-status';

export function VisitListItem({ visit }: { visit: LocalVisit }) {
  const download = usePackDownload();
  const { summary } = visit;
  return (
    <li className="card visit-item">
      <h2>
        <Link to={visitPath(visit.id)}>
          {summary.personFirstName}, {formatDayAndTime(summary.plannedAt)}
        </Link>
      </h2>
      <p>{summary.place}</p>
      <p>
        {summary.candidateCount} {summary.candidateCount === 1 ? 'care worker' : 'care workers'} to meet
      </p>
      <PackStatusText visit={visit} onRetry={() => void download(visit.id)} />
      {summary.decision && (
        <p className="decision">Office has the decision: {decisionWords(summary.personFirstName, summary.decision)}</p>
      )}
    </li>
  );
}
