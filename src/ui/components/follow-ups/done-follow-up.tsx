import type { FollowUp } from '../../../domain/follow-ups';
import { formatDayAndTime } from '../../format/dates';
import { doneByText, followUpTitle } from './follow-up-words';

/** One follow-up the office has closed: who closed it, when, and their note. */
export function DoneFollowUp({ followUp }: { followUp: FollowUp }) {
  return (
    <li className="card follow-up">
      <h3>{followUpTitle(followUp)}</h3>
      <dl className="facts">
        <dt>Decided</dt>
        <dd>{formatDayAndTime(followUp.decidedAt)}</dd>
        {followUp.resolvedAt && (
          <>
            <dt>Done</dt>
            <dd>{formatDayAndTime(followUp.resolvedAt)}</dd>
          </>
        )}
        <dt>Done by</dt>
        <dd>{doneByText(followUp)}</dd>
        <dt>Note</dt>
        <dd>{followUp.note ?? 'No note'}</dd>
      </dl>
    </li>
  );
}
