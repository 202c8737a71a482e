import { useId, useState, type FormEvent } from 'react';
import { CalendarDateSchema, dateRangeProblem, type DateRange } from '../../../domain/evidence';

function problemOf(from: string, to: string): string | null {
  if (!CalendarDateSchema.safeParse(from).success) return 'Enter the first day as a date, such as 2026-03-01.';
  if (!CalendarDateSchema.safeParse(to).success) return 'Enter the last day as a date, such as 2026-03-31.';
  return dateRangeProblem({ from, to });
}

/** The two days of the report, both counted. A bad range says why, next to the fields, and asks the office nothing. */
export function DateRangeForm({ range, onShow }: { range: DateRange; onShow: (range: DateRange) => void }) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = problemOf(from, to);
    setProblem(found);
    if (found === null) onShow({ from, to });
  }

  const invalid = problem !== null;
  return (
    <form className="evidence-range-form" onSubmit={submit} noValidate aria-label="Dates of the report">
      <div>
        <label htmlFor={`${id}-from`}>First day</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-problem` : undefined}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`}>Last day</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-problem` : undefined}
        />
      </div>
      <button type="submit" className="button">
        Show the figures
      </button>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error-summary">
          {problem}
        </p>
      )}
    </form>
  );
}
