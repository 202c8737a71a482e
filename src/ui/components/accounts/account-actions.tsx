import { useState, type FormEvent } from 'react';
import { ResetPasswordRequestSchema, type Account } from '../../../domain/accounts';
import { PASSWORD_MIN_CHARS } from '../../../domain/api';
import { useAppServices } from '../../app';
import { failureText } from '../../format/failure-text';
import { TextField } from '../text-field';

type Asking = 'nothing' | 'status' | 'password';

/**
 * Switching one account off or on (after a confirmation that says what it does) and setting a new
 * password for it. `onDone` gets a sentence for the screen's status line, and refreshes the list.
 */
export function AccountActions({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const { transport } = useAppServices();
  const [asking, setAsking] = useState<Asking>('nothing');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const switchingOff = account.disabledAt === null;
  const id = `account-${account.id}`;

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(undefined);
    try {
      const message = await action();
      setAsking('nothing');
      setPassword('');
      onDone(message);
    } catch (failure) {
      setError(failureText(asking === 'password' ? 'Not changed' : switchingOff ? 'Not switched off' : 'Not switched on', failure));
    } finally {
      setBusy(false);
    }
  }

  async function resetPassword(event: FormEvent) {
    event.preventDefault();
    const parsed = ResetPasswordRequestSchema.safeParse({ password });
    if (!parsed.success) return setError(`The new password ${parsed.error.issues[0]!.message}.`);
    await run(async () => {
      await transport.resetAccountPassword(account.id, parsed.data);
      return `${account.name} has a new password and is signed out everywhere. Hand the new password over in person.`;
    });
  }

  if (asking === 'status') {
    return (
      <div role="group" aria-labelledby={`${id}-confirm`}>
        <p id={`${id}-confirm`}>
          {switchingOff
            ? `Switch off ${account.name}’s account? They are signed out everywhere at once, and cannot sign in until it is switched on again.`
            : `Switch ${account.name}’s account on again? They can then sign in with their password.`}
        </p>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await transport.setAccountDisabled(account.id, switchingOff);
                return switchingOff ? `${account.name}’s account is switched off.` : `${account.name}’s account is switched on again.`;
              })
            }
          >
            {switchingOff ? 'Yes, switch it off' : 'Yes, switch it on'}
          </button>
          <button type="button" className="button secondary" autoFocus onClick={() => setAsking('nothing')}>
            {switchingOff ? 'Keep it on' : 'Leave it off'}
          </button>
        </div>
      </div>
    );
  }

  if (asking === 'password') {
    return (
      <form className="form" noValidate onSubmit={(e) => void resetPassword(e)}>
        <TextField
          id={`${id}-password`}
          label={`New password for ${account.name}`}
          hint={`At least ${PASSWORD_MIN_CHARS} characters. They are signed out everywhere.`}
          type="password"
          autoComplete="new-password"
          autoFocus
          value={password}
          error={error}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Set the new password
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking('nothing')}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="button-row">
      <button type="button" className="button secondary" aria-label={`${switchingOff ? 'Switch off' : 'Switch on'} ${account.name}’s account`} onClick={() => setAsking('status')}>
        {switchingOff ? 'Switch off' : 'Switch on'}
      </button>
      <button type="button" className="button secondary" aria-label={`Set a new password for ${account.name}`} onClick={() => setAsking('password')}>
        New password
      </button>
    </div>
  );
}
