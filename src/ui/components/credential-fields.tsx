import { TextField } from './text-field';

export interface CredentialFieldsProps {
  /** Prefixes the inputs' ids, so two forms on one page never share one. */
  idPrefix: string;
  labels: { email: string; password: string };
  errors: { email?: string | undefined; password?: string | undefined };
  email: string;
  password: string;
  onEmail: (email: string) => void;
  onPassword: (password: string) => void;
}

/** An office login's email and password, as signing in and "Forgotten the PIN?" both ask for them. */
export function CredentialFields({ idPrefix, labels, errors, email, password, onEmail, onPassword }: CredentialFieldsProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}email`}
        label={labels.email}
        error={errors.email}
        type="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(e) => onEmail(e.target.value)}
      />
      <TextField
        id={`${idPrefix}password`}
        label={labels.password}
        error={errors.password}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
      />
    </>
  );
}
