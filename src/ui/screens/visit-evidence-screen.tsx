import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import type { Transport } from '../../sync/transport';
import { DecisionEvidence } from '../components/evidence/decision-evidence';
import { formatDate, formatWhen } from '../components/evidence/evidence-words';
import { MatchingEvidence } from '../components/evidence/matching-evidence';
import { PrintButton } from '../components/evidence/print-button';
import { PrintedAt } from '../components/evidence/printed-at';
import { ConflictsAndFollowUps, OutcomeRecords, ShortlistChanges } from '../components/evidence/records-evidence';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useOfficeData } from '../hooks/use-office-data';
import { visitPath } from '../paths';
import '../evidence.css';

const OFFLINE =
  'The evidence for a visit is kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** One visit's evidence that the person chose, as a page to read or print (the browser's print gives the PDF). */
export function VisitEvidenceScreen() {
  const { visitId = '' } = useParams();
  const evidence = useOfficeData(useCallback((transport: Transport) => transport.fetchVisitEvidence(visitId), [visitId]));

  if (evidence.kind !== 'ready') {
    return (
      <div className="evidence-page">
        <PageHeading>Evidence for a home visit</PageHeading>
        <OfficeDataNotice state={evidence} onRetry={evidence.reload} offline={OFFLINE} />
      </div>
    );
  }
  const { visit, organisationName, referredOn } = evidence.value;
  const name = visit.personFirstName;
  const current = evidence.value.outcomes.find((o) => o.standing === 'current');
  return (
    <div className="evidence-page">
      <PageHeading>Evidence: {name}’s choice of care worker</PageHeading>
      <dl className="evidence-facts evidence-heading-facts">
        <div>
          <dt>Organisation</dt>
          <dd>{organisationName}</dd>
        </div>
        <div>
          <dt>Home visit</dt>
          <dd>
            {name}, {formatWhen(visit.plannedAt)}, {visit.place}
          </dd>
        </div>
        <div>
          <dt>Referred</dt>
          <dd>{referredOn ? formatDate(referredOn) : 'No referral date recorded'}</dd>
        </div>
        <PrintedAt />
      </dl>
      <div className="button-row evidence-actions">
        <PrintButton />
        <Link to={visitPath(visit.id)}>Back to {name}’s visit</Link>
      </div>
      <MatchingEvidence run={evidence.value.matchRun} personName={name} shortlistNow={evidence.value.shortlistNow} />
      <ShortlistChanges changes={evidence.value.shortlistChanges} />
      <DecisionEvidence outcome={current} personName={name} />
      <OutcomeRecords outcomes={evidence.value.outcomes} />
      <ConflictsAndFollowUps evidence={evidence.value} />
    </div>
  );
}
