import type { TextareaHTMLAttributes } from 'react';
import { describedBy, FieldHelp } from './text-field';

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

/** TextField's twin for longer text: label, hint and error next to it, read together by a screen reader. */
export function TextAreaField({ id, label, hint, error, ...textarea }: TextAreaProps & { id: string; label: string; hint?: string; error?: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} />
    </div>
  );
}
