import { blockersText } from '../format/words';
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { SHORTLIST_MIN } from '../../domain/match-runs';
import { rankCarers } from '../../domain/matching/rank-carers';
import type { Transport } from '../../sync/transport';
import { ExcludedCarers } from '../components/matching/excluded-carers';
import { MatchFunnel } from '../components/matching/match-funnel';
import { PlanVisitForm } from '../components/matching/plan-visit-form';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useOfficeData } from '../hooks/use-office-data';
import { paths } from '../paths';

/**
 * Matching for one person: the office's current facts are fetched (this needs a connection), the
 * engine runs here on the tablet, and the organiser shortlists who the person will meet.
 */
export function MatchScreen() {
  const { personId = '' } = useParams();
  const inputs = useOfficeData(useCallback((transport: Transport) => transport.fetchMatchInputs(personId), [personId]));
  const ready = inputs.kind === 'ready' ? inputs.value : null;
  const result = useMemo(() => (ready ? rankCarers(ready.scenario.person, ready.scenario.staff) : null), [ready]);
  const name = ready?.person.firstName;

  return (
    <>
      <p>
        <Link to={paths.match}>Back to choosing a person</Link>
      </p>
      <PageHeading>{name ? `Match care workers for ${name}` : 'Match care workers'}</PageHeading>
      <OfficeDataNotice state={inputs} onRetry={inputs.reload} />
      {ready && result && name && (
        <>
          <p role="status" className="lead">
            {result.ranked.length} {result.ranked.length === 1 ? 'care worker' : 'care workers'} can support {name}, best match first.{' '}
            {result.excluded.length > 0 && <a href="#excluded">{result.excluded.length} cannot, and why</a>}
          </p>
          <section className="card" aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">How Hearth matched</h2>
            <MatchFunnel funnel={result.funnel} personName={name} />
            {ready.notShowable.length > 0 && (
              <p className="notice">
                Not matched, because their profile cannot be shown yet:{' '}
                {ready.notShowable.map((c) => `${c.name} (${blockersText(c.blockers)})`).join('; ')}.
              </p>
            )}
          </section>
          {result.ranked.length >= SHORTLIST_MIN ? (
            <PlanVisitForm inputs={ready} result={result} onRunAgain={inputs.reload} />
          ) : (
            <p className="notice">
              A home visit needs at least {SHORTLIST_MIN} care workers for {name} to choose from, and only {result.ranked.length} can
              support {name} now.
            </p>
          )}
          <ExcludedCarers excluded={result.excluded} personName={name} />
        </>
      )}
    </>
  );
}
