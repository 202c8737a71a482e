import { useEffect, useRef, type FormEvent, type RefObject } from 'react';
import type { MatchInputs } from '../../../domain/match-runs';
import { SHORTLIST_MAX, SHORTLIST_MIN } from '../../../domain/match-runs';
import type { MatchResult } from '../../../domain/matching/result';
import { hasErrors, usePlanVisit, type PlanVisitErrors } from '../../hooks/use-plan-visit';
import { RankedCarer } from './ranked-carer';
import { VisitDetailsFields } from './visit-details-fields';

/** The ranked care workers with their shortlist boxes, the visit's time and place, and "Plan the visit". */
export function PlanVisitForm({ inputs, result, onRunAgain }: { inputs: MatchInputs; result: MatchResult; onRunAgain: () => void }) {
  const form = usePlanVisit(inputs, result);
  const { errors } = form;
  const name = inputs.person.firstName;
  const summaryRef = useRef<HTMLDivElement>(null);
  const passedOverIds = new Set(form.passedOver.map((c) => c.id));

  // After a refused attempt, take the organiser (and their screen reader) to the list of what to fix.
  useEffect(() => {
    if (hasErrors(errors)) summaryRef.current?.focus();
  }, [errors]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit();
  }

  return (
    <form className="form plan-visit" onSubmit={onSubmit} noValidate>
      {hasErrors(errors) && <ErrorSummary errors={errors} refTo={summaryRef} onRunAgain={onRunAgain} />}
      <fieldset className="shortlist" aria-describedby={errors.shortlist ? 'shortlist-error' : 'shortlist-hint'}>
        <legend>
          <h2>
            Shortlist {SHORTLIST_MIN} or {SHORTLIST_MAX} care workers for {name}
          </h2>
        </legend>
        <p id="shortlist-hint" className="hint">
          Best match first. {name} will meet the ones you shortlist at the home visit and choose. If you pass over someone ranked
          higher, say why.
        </p>
        {errors.shortlist && (
          <p id="shortlist-error" className="field-error">
            {errors.shortlist}
          </p>
        )}
        <p role="status" className="shortlist-count">
          {form.selected.length} shortlisted (choose {SHORTLIST_MIN} or {SHORTLIST_MAX})
        </p>
        <ol className="ranked-list">
          {result.ranked.map((carer) => (
            <RankedCarer
              key={carer.id}
              carer={carer}
              personName={name}
              shortlisted={form.selected.includes(carer.id)}
              onToggle={() => form.toggle(carer.id)}
              passedOver={passedOverIds.has(carer.id)}
              reason={form.reasons[carer.id] ?? ''}
              onReason={(text) => form.setReason(carer.id, text)}
              reasonError={passedOverIds.has(carer.id) ? errors.reasons[carer.id] : undefined}
              shortlistInvalid={Boolean(errors.shortlist)}
            />
          ))}
        </ol>
      </fieldset>
      <VisitDetailsFields form={form} personName={name} />
      <button type="submit" className="button plan-button" aria-disabled={form.busy || undefined}>
        {form.busy ? 'Planning the visit…' : 'Plan the visit'}
      </button>
    </form>
  );
}

function ErrorSummary(props: { errors: PlanVisitErrors; refTo: RefObject<HTMLDivElement | null>; onRunAgain: () => void }) {
  const { errors } = props;
  const items = [
    errors.shortlist && { href: '#shortlist-error', text: errors.shortlist },
    ...Object.entries(errors.reasons).map(([id, text]) => ({ href: `#why-not-${id}`, text })),
    errors.plannedAt && { href: '#visit-time', text: errors.plannedAt },
    errors.place && { href: '#visit-place', text: errors.place },
  ].filter((item): item is { href: string; text: string } => Boolean(item));
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={props.refTo}>
      {errors.form ? <p>{errors.form}</p> : <p>Nothing has been saved yet. Please fix this first:</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <a href={item.href}>{item.text}</a>
            </li>
          ))}
        </ul>
      )}
      {errors.matchChanged && (
        <button type="button" className="button" onClick={props.onRunAgain}>
          Run the match again
        </button>
      )}
    </div>
  );
}
