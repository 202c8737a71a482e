import type { LocalVisit } from '../../local-db/database';
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
    </li>
  );
}
