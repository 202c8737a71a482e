import { formatDayAndTime } from '../format/dates';
import type { VisitOutcomeView } from '../hooks/use-visit-outcome';
import { decisionWords } from './decision-text';

/** The decision recorded on this tablet, and whether the office has it yet. */
export function OutcomeNotice({ personFirstName, outcome }: { personFirstName: string; outcome: VisitOutcomeView }) {
  const words = decisionWords(personFirstName, { outcome: outcome.outcome, chosenCarerFirstName: outcome.chosenFirstName });
  return (
    <section className="card outcome-notice" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">Decision recorded on this tablet</h2>
      <p className="outcome-words">
        {words} — {outcome.waitingToBeSent ? 'waiting to be sent' : 'sent to the office'}
      </p>
      <p>Recorded {formatDayAndTime(outcome.recordedAt)}.</p>
    </section>
  );
}
