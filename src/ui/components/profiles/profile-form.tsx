import type { FormEvent, ReactNode, RefObject } from 'react';
import { FormErrorSummary, type FormErrorSummaryProps } from './form-error-summary';

/**
 * What a one-page profile editor gets from its screen. Controlled: the screen keeps the values (and
 * the draft on this device) and saves them; the editor shows them and reports each change.
 */
export interface ProfileEditorProps<V, E> {
  values: V;
  onChange: (values: V) => void;
  errors: E;
  onSave: () => void;
  busy: boolean;
  summaryRef: RefObject<HTMLDivElement | null>;
}

/** One field's new value, the rest kept: `set('firstName', 'Hilda')`. */
export function fieldSetter<V>(values: V, onChange: (values: V) => void) {
  return <K extends keyof V>(key: K, value: V[K]) => onChange({ ...values, [key]: value });
}

/**
 * The frame every one-page profile form shares (a carer's and a person's): the summary of every
 * problem at the top after a save that could not be made, the fields, and one save button that says
 * when it is saving. A second press while saving does nothing.
 */
export function ProfileForm<F extends string>({
  busy,
  onSave,
  children,
  ...summary
}: FormErrorSummaryProps<F> & { busy: boolean; onSave: () => void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSave();
  };
  return (
    <form className="form profile-form" noValidate onSubmit={submit} aria-label="One-page profile">
      <FormErrorSummary {...summary} />
      {children}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save the profile'}
      </button>
    </form>
  );
}
