import { useState } from 'react';
import { LoginRequestSchema } from '../../domain/api';
import { describeDevice } from '../../domain/device-label';
import { getOrCreateDevice, saveSession } from '../../local-db/queries';
import { NetworkFailure } from '../../sync/transport';
import { refreshVisits } from '../../sync/visit-list';
import { useAppServices } from '../app';

export interface SignInErrors {
  email?: string;
  password?: string;
  /** About the whole attempt, e.g. a wrong password or no connection. */
  form?: string;
}

export const NEEDS_CONNECTION =
  'Signing in needs a connection to the office. Connect this tablet to Wi-Fi or mobile data, then try again.';

/**
 * Signs the organiser in with the office, then keeps the session on the tablet (so it opens offline),
 * names this tablet once, and fetches the planned visits. Resolves true when signed in.
 */
export function useSignIn() {
  const { db, transport, sync, now } = useAppServices();
  const [errors, setErrors] = useState<SignInErrors>({});
  const [busy, setBusy] = useState(false);

  async function signIn(email: string, password: string): Promise<boolean> {
    const parsed = LoginRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setErrors({
        email: fields.has('email') ? 'Enter your email address, for example jo@care.example' : undefined,
        password: fields.has('password') ? 'Enter your password' : undefined,
      });
      return false;
    }
    setBusy(true);
    setErrors({});
    try {
      const session = await transport.login(parsed.data);
      await saveSession(db, session, now());
      await getOrCreateDevice(db, describeDevice(navigator.userAgent, navigator.maxTouchPoints), () => crypto.randomUUID());
      await refreshVisits(db, transport).catch(() => undefined); // the list screen tries again when it opens
      void sync.syncNow(); // anything left waiting from before can go now
      return true;
    } catch (error) {
      setErrors({ form: error instanceof NetworkFailure ? NEEDS_CONNECTION : messageOf(error) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { signIn, errors, busy };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Signing in did not work. Try again.';
}
