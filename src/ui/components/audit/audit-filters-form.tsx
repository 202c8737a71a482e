import { useId, useState, type FormEvent } from 'react';
import { AUDIT_ACTION_WORDS, AuditActionSchema, type AuditPage, type AuditQuery } from '../../../domain/audit';
import { CalendarDateSchema, dateRangeProblem } from '../../../domain/evidence';
import { roleWords } from './audit-words';

/** The filters as the address holds them: '' is "any". */
export interface AuditFilterValues {
  from: string;
  to: string;
  action: string;
  personId: string;
  actorUserId: string;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { from: '', to: '', action: '', personId: '', actorUserId: '' };

/** The filters given (none of the empty ones) and the page, as the address and the office's query both take them. */
export function auditSearchOf(values: AuditFilterValues, page: number): Record<string, string> {
  const given = Object.entries(values).filter(([, value]) => value !== '');
  return Object.fromEntries(page > 1 ? [...given, ['page', String(page)]] : given);
}

export function auditQueryOf(values: AuditFilterValues, page: number): AuditQuery {
  return auditSearchOf(values, page) as AuditQuery;
}

function problemOf({ from, to }: AuditFilterValues): string | null {
  if (from !== '' && !CalendarDateSchema.safeParse(from).success) return 'Enter the first day as a date, such as 2026-03-01, or leave it empty.';
  if (to !== '' && !CalendarDateSchema.safeParse(to).success) return 'Enter the last day as a date, such as 2026-03-31, or leave it empty.';
  return from !== '' && to !== '' ? dateRangeProblem({ from, to }) : null;
}

/** Narrows the log by days, kind of entry, person and account. A bad date says why and asks the office nothing. */
export function AuditFiltersForm({
  values,
  names,
  onShow,
}: {
  values: AuditFilterValues;
  names: Pick<AuditPage, 'people' | 'actors'>;
  onShow: (values: AuditFilterValues) => void;
}) {
  const [draft, setDraft] = useState(values);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const set = (change: Partial<AuditFilterValues>) => setDraft((d) => ({ ...d, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = problemOf(draft);
    setProblem(found);
    if (found === null) onShow(draft);
  }

  const invalid = problem !== null;
  const dateProps = { 'aria-invalid': invalid, 'aria-describedby': invalid ? `${id}-problem` : undefined } as const;
  return (
    <form className="evidence-range-form" onSubmit={submit} noValidate aria-label="Filters">
      <div>
        <label htmlFor={`${id}-from`}>First day</label>
        <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} {...dateProps} />
      </div>
      <div>
        <label htmlFor={`${id}-to`}>Last day</label>
        <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} {...dateProps} />
      </div>
      <div>
        <label htmlFor={`${id}-action`}>What was done</label>
        <select id={`${id}-action`} value={draft.action} onChange={(e) => set({ action: e.target.value })}>
          <option value="">Anything</option>
          {AuditActionSchema.options.map((action) => (
            <option key={action} value={action}>
              {AUDIT_ACTION_WORDS[action]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-person`}>Person</label>
        <select id={`${id}-person`} value={draft.personId} onChange={(e) => set({ personId: e.target.value })}>
          <option value="">Anyone</option>
          {names.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-actor`}>Done by</label>
        <select id={`${id}-actor`} value={draft.actorUserId} onChange={(e) => set({ actorUserId: e.target.value })}>
          <option value="">Anyone</option>
          {names.actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name} ({roleWords(actor.role)})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Show entries
      </button>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error-summary">
          {problem}
        </p>
      )}
    </form>
  );
}
