import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { londonDateOf, reportRangeOf, type DateRange } from '../../domain/evidence';
import type { Transport } from '../../sync/transport';
import { useAppServices } from '../app';
import { ChoiceChart } from '../components/evidence/choice-chart';
import { chartFigures, howChosenFigures, topMatchFigures } from '../components/evidence/choice-figures';
import { DateRangeForm } from '../components/evidence/date-range-form';
import { formatDate } from '../components/evidence/evidence-words';
import { FiguresTable } from '../components/evidence/figures-table';
import { PrintButton } from '../components/evidence/print-button';
import { PrintedAt } from '../components/evidence/printed-at';
import { ReferralToChoice } from '../components/evidence/referral-to-choice';
import { MissingOutcomes } from '../components/missing-outcomes';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useOfficeData } from '../hooks/use-office-data';
import { useSession } from '../hooks/use-session';
import '../evidence.css';
import '../components/missing-outcomes.css';

/** Said above the list on this page: it is not one of the report's figures. */
const MISSING_NOTE =
  'This list is not part of the figures above, and not limited to their dates. It is not printed with the report, because it names people.';

const OFFLINE =
  'The figures are worked out at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/**
 * The organisation's evidence that people choose, over the dates in the address (the last 90 days when none).
 * Managers also find here the visits downloaded with no outcome, which organisers see on Decisions.
 */
export function EvidenceReportScreen() {
  const { now } = useAppServices();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const range = reportRangeOf(
    { ...(params.get('from') ? { from: params.get('from')! } : {}), ...(params.get('to') ? { to: params.get('to')! } : {}) },
    londonDateOf(now().toISOString()),
  );
  const { from, to } = range;
  const report = useOfficeData(useCallback((transport: Transport) => transport.fetchChoiceReport({ from, to }), [from, to]));
  const show = (next: DateRange) => setParams({ from: next.from, to: next.to });
  const dates = `${formatDate(from)} to ${formatDate(to)}`;

  return (
    <div className="evidence-page">
      <PageHeading>Choice report</PageHeading>
      <dl className="evidence-facts evidence-heading-facts">
        <div>
          <dt>Organisation</dt>
          <dd>{session?.session.organisation.name ?? ''}</dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd>{dates}, both days counted</dd>
        </div>
        <PrintedAt />
      </dl>
      <p>
        How people chose their care workers, counted over home visits whose decision was made on these dates. A decision that was withdrawn, or
        set aside by the office, is not counted.
      </p>
      <DateRangeForm key={`${from}/${to}`} range={range} onShow={show} />
      <OfficeDataNotice state={report} onRetry={report.reload} offline={OFFLINE} />
      {report.kind === 'ready' && (
        <>
          <div className="button-row evidence-actions">
            <PrintButton />
          </div>
          <section className="evidence-section" aria-labelledby="report-decisions">
            <h2 id="report-decisions">Decisions ({report.value.decided})</h2>
            {report.value.decided === 0 ? (
              <p>No home visit had a decision on these dates.</p>
            ) : (
              <>
                <ChoiceChart figures={chartFigures(report.value)} summary={`Of ${report.value.decided} home visits decided from ${dates}`} />
                <FiguresTable caption={`Of ${report.value.decided} home visits decided`} figures={chartFigures(report.value)} />
              </>
            )}
          </section>
          {report.value.outcomes.chosen > 0 && (
            <section className="evidence-section" aria-labelledby="report-choices">
              <h2 id="report-choices">How each choice was made ({report.value.outcomes.chosen})</h2>
              <FiguresTable caption="Who indicated the choice" figures={howChosenFigures(report.value)} />
              <FiguresTable caption="The choice and the top match" figures={topMatchFigures(report.value)} />
              <ReferralToChoice figures={report.value.referralToChoice} />
            </section>
          )}
        </>
      )}
      {session?.session.user.role === 'manager' && <MissingOutcomes note={MISSING_NOTE} className="evidence-section missing-outcomes-on-report" />}
    </div>
  );
}
