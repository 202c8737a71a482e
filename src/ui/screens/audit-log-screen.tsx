import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { Transport } from '../../sync/transport';
import { AuditFiltersForm, auditQueryOf, auditSearchOf, NO_AUDIT_FILTERS, type AuditFilterValues } from '../components/audit/audit-filters-form';
import { AuditTable } from '../components/audit/audit-table';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useOfficeData } from '../hooks/use-office-data';
import '../evidence.css';

const OFFLINE = 'The audit log is kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';
const FILTER_KEYS = Object.keys(NO_AUDIT_FILTERS) as (keyof AuditFilterValues)[];

/** "Audit log" (admins): who viewed or changed a person's records, downloaded them to a tablet, or exported them. */
export function AuditLogScreen() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as AuditFilterValues;
  const page = Number(params.get('page') ?? '1') || 1;
  const { from, to, action, personId, actorUserId } = filters;
  const log = useOfficeData(
    useCallback(
      (transport: Transport) => transport.fetchAuditLog(auditQueryOf({ from, to, action, personId, actorUserId }, page)),
      [from, to, action, personId, actorUserId, page],
    ),
  );
  const show = (next: AuditFilterValues, nextPage = 1) => setParams(auditSearchOf(next, nextPage));
  const names = log.kind === 'ready' ? log.value : { people: [], actors: [] };

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p>
        Who viewed or changed a person&rsquo;s or a care worker&rsquo;s records, downloaded a visit to a tablet, or exported records, newest first.
        Names are shown as they are today; the log itself keeps no names or care details.
      </p>
      <AuditFiltersForm key={FILTER_KEYS.map((k) => filters[k]).join('/')} values={filters} names={names} onShow={(next) => show(next)} />
      <OfficeDataNotice state={log} onRetry={log.reload} offline={OFFLINE} />
      {log.kind === 'ready' &&
        (log.value.entries.length === 0 ? (
          <p>{page > 1 ? 'There are no more entries.' : 'Nothing in the log matches these filters.'}</p>
        ) : (
          <>
            <AuditTable entries={log.value.entries} caption={`Audit entries, page ${log.value.page}`} />
            <nav aria-label="Pages of the audit log" className="button-row">
              {page > 1 && (
                <button type="button" className="button secondary" onClick={() => show(filters, page - 1)}>
                  Newer entries
                </button>
              )}
              {log.value.hasMore && (
                <button type="button" className="button secondary" onClick={() => show(filters, page + 1)}>
                  Older entries
                </button>
              )}
            </nav>
          </>
        ))}
    </>
  );
}
