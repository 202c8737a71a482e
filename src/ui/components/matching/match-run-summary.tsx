import { useCallback } from 'react';
import { RankedReasons } from './ranked-reasons';
import type { Transport } from '../../../sync/transport';
import { useAppServices } from '../../app';
import { formatWhenRelative } from '../../format/dates';
import { useOfficeData } from '../../hooks/use-office-data';
import { MatchFunnel } from './match-funnel';

/**
 * "How this shortlist was made", from the office's evidence of the match run. Shown only when the
 * office can be reached and the visit was planned from a match run; otherwise it takes no space.
 */
export function MatchRunSummary({ visitId }: { visitId: string }) {
  const { now } = useAppServices();
  const evidence = useOfficeData(useCallback((transport: Transport) => transport.fetchMatchRun(visitId), [visitId]));
  if (evidence.kind !== 'ready' || evidence.value === null) return null;
  const run = evidence.value;

  return (
    <section className="card match-run-summary" aria-labelledby="match-run-heading">
      <h2 id="match-run-heading">How this shortlist was made</h2>
      <p>
        {run.runBy} ran the match {formatWhenRelative(run.runAt, now())}.
      </p>
      <MatchFunnel funnel={run.funnel} personName={run.personFirstName} />
      <p>
        Shortlisted: {run.shortlist.map((c) => `${c.name} (ranked ${c.rank})`).join(', ')}.
      </p>
      {run.passedOver.length > 0 && (
        <>
          <h3>Passed over</h3>
          <RankedReasons carers={run.passedOver} />
        </>
      )}
    </section>
  );
}
