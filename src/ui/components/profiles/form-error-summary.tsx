import type { RefObject } from 'react';

/**
 * At the top of a form after a save that could not be made: every problem, each a link that moves focus
 * to its field. Takes focus itself (the screen focuses `summaryRef`), so it is read out at once.
 */
export interface FormErrorSummaryProps<F extends string> {
  /** In page order. */
  fields: readonly F[];
  errors: Partial<Record<F, string>>;
  labels: Record<F, string>;
  fieldId: (field: F) => string;
  summaryRef: RefObject<HTMLDivElement | null>;
}

export function FormErrorSummary<F extends string>({ fields, errors, labels, fieldId, summaryRef }: FormErrorSummaryProps<F>) {
  const problems = fields.filter((field) => errors[field]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <p>The profile is not saved yet. Please fix {problems.length === 1 ? 'this' : 'these'} first:</p>
      <ul>
        {problems.map((field) => (
          <li key={field}>
            <a
              href={`#${fieldId(field)}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldId(field))?.focus();
              }}
            >
              {labels[field]}: {errors[field]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
