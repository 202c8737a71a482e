import { DaySchema, type Day } from '../../../domain/matching/scenario';
import { describedBy, FieldHelp } from '../text-field';
import { dayName, type WindowValues } from './form-text';

/**
 * The weekly times a care worker can work: for each day, any number of from–to times, each with its own
 * labelled inputs and a Remove button, and "Add a time on <day>". Plain buttons, so it works by touch,
 * keyboard and switch alike.
 */
export function AvailabilityFields({
  id = 'carer-availability',
  legend = 'When you can work',
  hint = 'The times you can work every week. Add more than one time on a day if you have a break.',
  none = 'Not working',
  week,
  onChange,
  error,
}: {
  id?: string;
  legend?: string;
  hint?: string;
  /** What a day with no times means. */
  none?: string;
  week: Record<Day, WindowValues[]>;
  onChange: (week: Record<Day, WindowValues[]>) => void;
  error?: string | undefined;
}) {
  const change = (day: Day, windows: WindowValues[]) => onChange({ ...week, [day]: windows });
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, error)} tabIndex={-1}>
      <legend>{legend}</legend>
      <FieldHelp id={id} hint={hint} error={error} />
      {DaySchema.options.map((day) => (
        <div key={day} className="availability-day" role="group" aria-labelledby={`${id}-${day}`}>
          <h3 id={`${id}-${day}`} className="availability-day-name">
            {dayName(day)}
          </h3>
          {week[day].length === 0 && <p className="hint">{none}</p>}
          {week[day].map((window, i) => {
            const base = `${id}-${day}-${i}`;
            const update = (part: Partial<WindowValues>) => change(day, week[day].map((w, j) => (j === i ? { ...w, ...part } : w)));
            return (
              <div key={i} className="availability-window">
                <label htmlFor={`${base}-start`}>
                  From <span className="visually-hidden">({dayName(day)}, time {i + 1})</span>
                </label>
                <input id={`${base}-start`} type="time" value={window.start} onChange={(e) => update({ start: e.target.value })} />
                <label htmlFor={`${base}-end`}>
                  to <span className="visually-hidden">({dayName(day)}, time {i + 1})</span>
                </label>
                <input id={`${base}-end`} type="time" value={window.end} onChange={(e) => update({ end: e.target.value })} />
                <button type="button" className="button secondary" onClick={() => change(day, week[day].filter((_, j) => j !== i))}>
                  Remove<span className="visually-hidden"> {dayName(day)} time {i + 1}</span>
                </button>
              </div>
            );
          })}
          <button type="button" className="button secondary" onClick={() => change(day, [...week[day], { start: '09:00', end: '17:00' }])}>
            Add a time on {dayName(day)}
          </button>
        </div>
      ))}
    </fieldset>
  );
}
