import type { usePlanVisit } from '../../hooks/use-plan-visit';

/** When and where the home visit happens. The place starts as the person's home. */
export function VisitDetailsFields({ form, personName }: { form: ReturnType<typeof usePlanVisit>; personName: string }) {
  const { errors } = form;
  return (
    <fieldset className="visit-details">
      <legend>
        <h2>The home visit</h2>
      </legend>
      <div className="field">
        <label htmlFor="visit-time">Date and time</label>
        {errors.plannedAt && (
          <p id="visit-time-error" className="field-error">
            {errors.plannedAt}
          </p>
        )}
        <input
          id="visit-time"
          type="datetime-local"
          value={form.plannedAt}
          onChange={(e) => form.setPlannedAt(e.target.value)}
          aria-invalid={errors.plannedAt ? true : undefined}
          aria-describedby={errors.plannedAt ? 'visit-time-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="visit-place">Place</label>
        <p id="visit-place-hint" className="hint">
          Usually {personName}'s home.
        </p>
        {errors.place && (
          <p id="visit-place-error" className="field-error">
            {errors.place}
          </p>
        )}
        <input
          id="visit-place"
          type="text"
          maxLength={200}
          value={form.place}
          onChange={(e) => form.setPlace(e.target.value)}
          aria-invalid={errors.place ? true : undefined}
          aria-describedby={errors.place ? 'visit-place-error visit-place-hint' : 'visit-place-hint'}
        />
      </div>
    </fieldset>
  );
}
