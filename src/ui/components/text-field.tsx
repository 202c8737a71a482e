import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

/** The ids of a field's error and hint, for aria-describedby (error first: it is what to act on). */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and its error, placed next to it, with the ids describedBy names. */
export function FieldHelp({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * A labelled input with its hint and its error next to it, wired so a screen reader reads both
 * when the field is focused. Every form in the office screens uses it, so they all behave alike.
 */
export function TextField({ id, label, hint, error, ...input }: InputProps & { id: string; label: string; hint?: string; error?: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </div>
  );
}
