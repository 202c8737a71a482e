import { describedBy, FieldHelp } from './text-field';

/** The options of a yes-or-no question, in that order. */
export const YES_NO: [string, string][] = [
  ['yes', 'Yes'],
  ['no', 'No'],
];

/** A labelled group of radio buttons with its hint and error, like TextField. */
export function ChoiceField({
  id,
  legend,
  hint,
  options,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: [string, string][];
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <FieldHelp id={id} hint={hint} error={error} />
      {options.map(([option, label]) => (
        <label key={option} className="choice-row">
          <input type="radio" name={id} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
