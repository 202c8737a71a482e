import { TextField } from './text-field';

/** A PIN input: digits keypad, hidden as typed, never autofilled, spaces dropped. */
export function PinField({ id, label, error, value, onChange }: { id: string; label: string; error?: string | undefined; value: string; onChange: (pin: string) => void }) {
  return (
    <TextField
      id={id}
      label={label}
      error={error}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value.trim())}
    />
  );
}
