import type { EvidenceOutcome } from '../../../domain/evidence';
import { decisionWords } from '../decision-text';
import {
  durationWords,
  formatWhen,
  indicatedByWords,
  languageWords,
  listOfWords,
  presentationWords,
  reactionWords,
  supportsWords,
} from './evidence-words';

const NOT_RECORDED = 'Not recorded';

/** The person's decision that stands, and how it was made: who indicated it and how, who was there, what helped, how long it took. */
export function DecisionEvidence({ outcome, personName }: { outcome: EvidenceOutcome | undefined; personName: string }) {
  if (!outcome) {
    return (
      <section className="evidence-section" aria-labelledby="evidence-decision">
        <h2 id="evidence-decision">{personName}’s decision</h2>
        <p>No decision stands for this visit: none has reached the office, or every one was withdrawn.</p>
      </section>
    );
  }
  const how = outcome.howDecided;
  const facts: [string, string][] = [
    ['Who indicated it', how ? indicatedByWords(how.indicatedBy, personName) : NOT_RECORDED],
    ['Who was present', how ? listOfWords(how.present, 'Nobody recorded') : NOT_RECORDED],
    ['Supports used', how ? supportsWords(how.supportsUsed) : NOT_RECORDED],
    ['How long it took', how ? durationWords(how.durationSeconds) : NOT_RECORDED],
    ['Shown first on the cards', outcome.presentation ? presentationWords(outcome.presentation) : NOT_RECORDED],
    ['Language', outcome.language ? languageWords(outcome.language) : NOT_RECORDED],
    ['Decided', formatWhen(outcome.decidedAt)],
    ['Reached the office', formatWhen(outcome.receivedAt)],
    ['Recorded on', outcome.deviceLabel],
  ];
  return (
    <section className="evidence-section" aria-labelledby="evidence-decision">
      <h2 id="evidence-decision">{personName}’s decision</h2>
      <p className="evidence-decision">
        {decisionWords(personName, { outcome: outcome.outcome, chosenCarerFirstName: outcome.chosenCarerName })}
        {outcome.outcome === 'meet-first' && outcome.meetFirstNames.length > 0 && `: ${listOfWords(outcome.meetFirstNames)}`}.
      </p>
      <dl className="evidence-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="evidence-table">
        <caption>The cards in the order {personName} saw them, and where {personName} placed each</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Care worker</th>
            <th scope="col">{personName} placed them at</th>
          </tr>
        </thead>
        <tbody>
          {outcome.shown.map((carer, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <th scope="row">{carer.name}</th>
              <td>{reactionWords(carer.reaction)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
