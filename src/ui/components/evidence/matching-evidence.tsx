import type { EvidenceMatchRun } from '../../../domain/evidence';
import { RankedReasons } from '../matching/ranked-reasons';
import { formatWhen, listOfWords } from './evidence-words';

/** How the shortlist was made: the matching steps with who each left out and why, the shortlist, and who was passed over. */
export function MatchingEvidence({ run, personName, shortlistNow }: { run: EvidenceMatchRun | null; personName: string; shortlistNow: string[] }) {
  if (run === null) {
    return (
      <section className="evidence-section" aria-labelledby="evidence-matching">
        <h2 id="evidence-matching">How the shortlist was made</h2>
        <p>This visit was not planned from a match run in Hearth, so the office has no record of the matching steps.</p>
        <p>The visit shows: {listOfWords(shortlistNow)}.</p>
      </section>
    );
  }
  const { funnel, leftOut } = run;
  const steps = [
    { step: 'Every care worker considered', count: funnel.considered, left: '' },
    { step: `Free at ${personName}’s times, near enough, with the skills and language needed`, count: funnel.available, left: `${leftOut.notAvailable.length} left out` },
    { step: 'A good personality fit', count: funnel.goodFit, left: `${leftOut.notGoodFit.length} ranked lower, not left out` },
    { step: 'Ranked by shared interests', count: funnel.ranked, left: '' },
  ];
  return (
    <section className="evidence-section" aria-labelledby="evidence-matching">
      <h2 id="evidence-matching">How the shortlist was made</h2>
      <p>
        {run.runBy} ran the match on {formatWhen(run.runAt)}.
      </p>
      <table className="evidence-table">
        <caption>The matching steps, in order</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Care workers</th>
            <th scope="col">At this step</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.step}>
              <th scope="row">{s.step}</th>
              <td>{s.count}</td>
              <td>{s.left}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {leftOut.notAvailable.length > 0 && (
        <>
          <h3>Left out: not free, too far, or without what {personName} needs ({leftOut.notAvailable.length})</h3>
          <ul>
            {leftOut.notAvailable.map((c) => (
              <li key={c.carerId}>
                <strong>{c.name}</strong>: {c.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {leftOut.notGoodFit.length > 0 && (
        <>
          <h3>Not a good personality fit ({leftOut.notGoodFit.length})</h3>
          <p>Still ranked, below every good fit.</p>
          <RankedReasons carers={leftOut.notGoodFit} />
        </>
      )}

      <table className="evidence-table">
        <caption>The shortlist, in the order the cards were to be shown</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Care worker</th>
            <th scope="col">Rank</th>
            <th scope="col">Why they were a match</th>
          </tr>
        </thead>
        <tbody>
          {run.shortlist.map((c, i) => (
            <tr key={c.carerId}>
              <td>{i + 1}</td>
              <th scope="row">{c.name}</th>
              <td>{c.rank}</td>
              <td>{run.why[c.carerId] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {run.passedOver.length === 0 ? (
        <p>No higher-ranked care worker was passed over.</p>
      ) : (
        <table className="evidence-table">
          <caption>Higher-ranked care workers passed over, and the organiser’s reasons</caption>
          <thead>
            <tr>
              <th scope="col">Care worker</th>
              <th scope="col">Rank</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {run.passedOver.map((c) => (
              <tr key={c.carerId}>
                <th scope="row">{c.name}</th>
                <td>{c.rank}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>The visit shows now: {listOfWords(shortlistNow)}.</p>
    </section>
  );
}
