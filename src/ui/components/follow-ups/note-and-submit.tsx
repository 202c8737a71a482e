interface Props {
  /** The id stem the item's elements share; `${base}-title` names the item. */
  base: string;
  label: string;
  example: string;
  maxLength: number;
  note: string;
  onNoteChange: (note: string) => void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
}

/**
 * The end of a follow-up's or a conflict's form: a note with an example under its label, why saving
 * failed, and the button, which names the item it saves for a screen reader.
 */
export function NoteAndSubmit({ base, label, example, maxLength, note, onNoteChange, error, busy, submitLabel }: Props) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${base}-note`}>{label}</label>
        <p id={`${base}-hint`} className="hint">
          {example}
        </p>
        <textarea
          id={`${base}-note`}
          rows={2}
          maxLength={maxLength}
          value={note}
          onChange={(e) => onNoteChange(e.target.value)}
          aria-describedby={`${base}-hint`}
        />
      </div>
      {error && (
        <p role="alert" className="error-summary">
          {error}
        </p>
      )}
      <button type="submit" className="button" aria-disabled={busy || undefined} aria-describedby={`${base}-title`}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </>
  );
}
