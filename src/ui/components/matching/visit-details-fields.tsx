import type { usePlanVisit } from '../../hooks/use-plan-visit';
import { TextField } from '../text-field';

/** When and where the home visit happens. The place starts as the person's home. */
export function VisitDetailsFields({ form, personName }: { form: ReturnType<typeof usePlanVisit>; personName: string }) {
  const { errors } = form;
  return (
    <fieldset className="visit-details">
      <legend>
        <h2>The home visit</h2>
      </legend>
      <TextField
        id="visit-time"
        label="Date and time"
        error={errors.plannedAt}
        type="datetime-local"
        value={form.plannedAt}
        onChange={(e) => form.setPlannedAt(e.target.value)}
      />
      <TextField
        id="visit-place"
        label="Place"
        hint={`Usually ${personName}'s home.`}
        error={errors.place}
        type="text"
        maxLength={200}
        value={form.place}
        onChange={(e) => form.setPlace(e.target.value)}
      />
    </fieldset>
  );
}
