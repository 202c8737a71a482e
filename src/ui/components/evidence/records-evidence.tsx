import type { EvidenceOutcome, VisitEvidence } from '../../../domain/evidence';
import { decisionShort } from '../decision-text';
import { formatWhen, listOfWords, standingWords } from './evidence-words';

function answerWords(outcome: EvidenceOutcome): string {
  if (outcome.outcome === 'meet-first' && outcome.meetFirstNames.length > 0) return `Asked to meet ${listOfWords(outcome.meetFirstNames)} first`;
  const short = decisionShort({ outcome: outcome.outcome, chosenCarerFirstName: outcome.chosenCarerName });
  return outcome.outcome === 'chosen' ? `Chose ${short}` : short;
}

/** Every record the tablets sent for the visit, oldest first, with where each stands and when it reached the office. */
export function OutcomeRecords({ outcomes }: { outcomes: EvidenceOutcome[] }) {
  return (
    <section className="evidence-section" aria-labelledby="evidence-records">
      <h2 id="evidence-records">Every answer the tablets sent</h2>
      {outcomes.length === 0 ? (
        <p>No answer has reached the office for this visit.</p>
      ) : (
        <table className="evidence-table">
          <caption>Answers in the order the office received them</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col">Decided</th>
              <th scope="col">Reached the office</th>
              <th scope="col">Tablet</th>
              <th scope="col">Where it stands</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.eventId}>
                <th scope="row">{answerWords(o)}</th>
                <td>{formatWhen(o.decidedAt)}</td>
                <td>{formatWhen(o.receivedAt)}</td>
                <td>{o.deviceLabel}</td>
                <td>
                  {standingWords(o.standing)}
                  {o.withdrawal &&
                    ` on ${formatWhen(o.withdrawal.occurredAt)} (${o.withdrawal.deviceLabel}); the withdrawal reached the office on ${formatWhen(o.withdrawal.receivedAt)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Records that disagreed and how the office resolved them; what the office followed up. */
export function ConflictsAndFollowUps({ evidence }: { evidence: VisitEvidence }) {
  const answerOf = (eventId: string) => {
    const outcome = evidence.outcomes.find((o) => o.eventId === eventId);
    return outcome ? `${answerWords(outcome)} (${outcome.deviceLabel}, ${formatWhen(outcome.decidedAt)})` : 'an answer';
  };
  return (
    <>
      <section className="evidence-section" aria-labelledby="evidence-conflicts">
        <h2 id="evidence-conflicts">Records that disagreed</h2>
        {evidence.conflicts.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {evidence.conflicts.map((c) => (
              <li key={`${c.kind}-${c.eventIds.join()}`}>
                <strong>{c.summary}</strong>: {c.eventIds.map(answerOf).join(' and ')}. Raised on {formatWhen(c.createdAt)}.{' '}
                {c.resolvedAt === null
                  ? 'Not resolved yet.'
                  : `Resolved ${c.resolvedByName ? `by ${c.resolvedByName}` : 'on the tablet'} on ${formatWhen(c.resolvedAt)}${
                      c.keptEventId ? `, keeping ${answerOf(c.keptEventId)}` : ''
                    }${c.note ? `: “${c.note}”` : ''}.`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="evidence-section" aria-labelledby="evidence-follow-ups">
        <h2 id="evidence-follow-ups">Follow-ups</h2>
        {evidence.followUps.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {evidence.followUps.map((f) => (
              <li key={f.eventId}>
                <strong>{f.summary}</strong>: opened on {formatWhen(f.createdAt)}.{' '}
                {f.resolvedAt === null
                  ? 'Still to do.'
                  : `${f.resolvedByName ? `Done by ${f.resolvedByName}` : 'Closed'} on ${formatWhen(f.resolvedAt)}${f.note ? `: “${f.note}”` : ''}.`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Changes the office made to the shortlist after planning, with who, when and why. */
export function ShortlistChanges({ changes }: { changes: VisitEvidence['shortlistChanges'] }) {
  if (changes.length === 0) return null;
  return (
    <section className="evidence-section" aria-labelledby="evidence-shortlist-changes">
      <h2 id="evidence-shortlist-changes">Changes to the shortlist</h2>
      <table className="evidence-table">
        <caption>Changes the office made after planning the visit</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.changedAt}>
              <th scope="row">{formatWhen(c.changedAt)}</th>
              <td>{c.changedBy}</td>
              <td>{listOfWords(c.from)}</td>
              <td>{listOfWords(c.to)}</td>
              <td>{c.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
