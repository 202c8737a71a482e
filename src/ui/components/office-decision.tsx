import { Link } from 'react-router';
import type { LocalVisit } from '../../local-db/database';
import { paths, visitEvidencePath } from '../paths';
import { formatDayAndTime } from '../format/dates';
import { decisionShort } from './decision-text';

/** One visit as the office sees it: the decision it holds, when, and from which tablet. */
export function OfficeDecision({ visit }: { visit: LocalVisit }) {
  const { summary } = visit;
  const { decision } = summary;
  return (
    <li className="card">
      <h2>
        {summary.personFirstName}, {formatDayAndTime(summary.plannedAt)}
      </h2>
      <p>{summary.place}</p>
      {summary.openConflicts > 0 && (
        <p className="notice">
          The records for this visit disagree, so the office must decide which stands. <Link to={paths.followUps}>See Follow-ups</Link>.
        </p>
      )}
      {decision ? (
        <dl className="facts">
          <dt>Decision</dt>
          <dd>{decisionShort(decision)}</dd>
          <dt>Decided</dt>
          <dd>{formatDayAndTime(decision.decidedAt)}</dd>
          <dt>Tablet</dt>
          <dd>{decision.deviceLabel}</dd>
          <dt>Received by the office</dt>
          <dd>{formatDayAndTime(decision.receivedAt)}</dd>
        </dl>
      ) : (
        <p className="waiting">Waiting for a decision</p>
      )}
      <p>
        <Link to={visitEvidencePath(summary.id)}>
          Evidence for {summary.personFirstName}’s visit<span className="visually-hidden">, {formatDayAndTime(summary.plannedAt)}</span> (printable)
        </Link>
      </p>
    </li>
  );
}
