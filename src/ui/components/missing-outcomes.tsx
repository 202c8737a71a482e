import { useCallback } from 'react';
import type { Transport } from '../../sync/transport';
import { formatAuditTime } from './audit/audit-words';
import { OfficeDataNotice } from './office-data-notice';
import { useOfficeData } from '../hooks/use-office-data';
import { formatDayAndTime } from '../format/dates';

const OFFLINE = 'This list is worked out at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/**
 * Visits whose pack reached a tablet but whose outcome the office never received (F7): the office's way of
 * noticing a tablet that lost its records, because a tablet whose storage was cleared cannot say so itself.
 * Organisers find it on Decisions; managers, who cannot open Decisions, on the choice report, where `note`
 * says how it differs from the figures around it.
 */
export function MissingOutcomes({ note, className = 'card' }: { note?: string; className?: string }) {
  const report = useOfficeData(useCallback((transport: Transport) => transport.fetchMissingOutcomes(), []));
  return (
    <section className={className} aria-labelledby="missing-outcomes">
      <h2 id="missing-outcomes">Downloaded visits with no outcome</h2>
      {note && <p>{note}</p>}
      <OfficeDataNotice state={report} onRetry={report.reload} offline={OFFLINE} />
      {report.kind === 'ready' &&
        (report.value.visits.length === 0 ? (
          <p>Every visit downloaded to a tablet has sent its outcome, or its visit was less than {report.value.hours} hours ago.</p>
        ) : (
          <>
            <p>
              These visits were downloaded to a tablet, and the office has had no outcome {report.value.hours} hours after the visit. The tablet may
              have lost its records: check it, and ask the organiser who had it. If the outcome is lost, visit the person again.
            </p>
            <ul className="card-list">
              {report.value.visits.map((visit) => (
                <li key={visit.visitId} className="card">
                  <h3>Visit with {visit.personName}</h3>
                  <dl className="facts">
                    <dt>Visit</dt>
                    <dd>{formatDayAndTime(visit.plannedAt)}</dd>
                    <dt>Organiser</dt>
                    <dd>{visit.downloadedBy ?? 'Not known'}</dd>
                    <dt>Tablet</dt>
                    <dd>{visit.tablet ?? 'Not known'}</dd>
                    <dt>Downloaded</dt>
                    <dd>{formatAuditTime(visit.downloadedAt)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
