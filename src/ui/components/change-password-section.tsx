import { useState, type FormEvent } from 'react';
import { ChangePasswordRequestSchema, PASSWORD_MIN_CHARS } from '../../domain/api';
import { getSession } from '../../local-db/queries';
import { rewrapForNewPassword } from '../../local-db/unlock';
import { failureText } from '../format/failure-text';
import { useAppServices } from '../app';
import { SignOutEverywhere } from './sign-out-everywhere';
import { TextField } from './text-field';

/**
 * Changing one's own password, knowing the current one (after an organiser handed over the first). Once
 * the office has accepted it, the data key stored on this device is wrapped again by the new password
 * (rewrapForNewPassword), so unlocking here after a reload or the idle lock takes the new one.
 */
export function ChangePasswordSection() {
  const { db, transport, now } = useAppServices();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<{ currentPassword?: string; newPassword?: string }>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ChangePasswordRequestSchema.safeParse({ currentPassword, newPassword });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await transport.changePassword(parsed.data);
      await rewrapStoredKey(parsed.data.currentPassword, parsed.data.newPassword);
      setCurrent('');
      setNew('');
      setMessage('Your password is changed. Use the new one next time you sign in.');
    } catch (failure) {
      setMessage(failureText('Not changed', failure));
    } finally {
      setBusy(false);
    }
  }

  /**
   * The office has the new password already, so nothing here may fail the change: when the key cannot be
   * re-wrapped (not in memory, not this account's), the next online sign-in with email opens Hearth.
   */
  async function rewrapStoredKey(current: string, next: string): Promise<void> {
    try {
      const session = await getSession(db);
      if (session) await rewrapForNewPassword(db, session.session.user.id, current, next, now());
    } catch {
      // Locked meanwhile, or the database is gone: left as it is (see above).
    }
  }

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Your password</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField id="current-password" label="Current password" type="password" autoComplete="current-password" value={currentPassword} error={errors.currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        <TextField
          id="new-password"
          label="New password"
          hint={`At least ${PASSWORD_MIN_CHARS} characters.`}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          error={errors.newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        <button type="submit" className="button secondary" disabled={busy}>
          Change my password
        </button>
      </form>
      <p role="status">{message}</p>
      <SignOutEverywhere />
    </section>
  );
}
