import { useState } from 'react';
import { LoginRequestSchema } from '../../domain/api';
import { describeDevice } from '../../domain/device-label';
import { getOrCreateDevice, saveSession } from '../../local-db/queries';
import { openPersonalKey } from '../../local-db/personal-key';
import { unlockAtSignIn } from '../../local-db/unlock';
import { enrolThisTablet, takesVisitsOut } from '../../sync/device-enrolment';
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
 * names this tablet once, and fetches the planned visits. Resolves true when signed in. A care worker or
 * manager takes no visits out: their browser keeps a personal key wrapped by their password only
 * (personal-key.ts), so a draft survives a reload; another account's personal records here are cleared.
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
      if (!takesVisitsOut(session)) {
        // A care worker or manager on the office website: no tablet key, no enrolment, no visits.
        if ((await openPersonalKey(db, session.user.id, parsed.data.password, now())) === 'tablet-holds-records') {
          setErrors({ form: TABLET_HOLDS_VISITS });
          return false;
        }
        await saveSession(db, session, now());
        return true;
      }
      const device = await getOrCreateDevice(db, describeDevice(navigator.userAgent, navigator.maxTouchPoints), () => crypto.randomUUID());
      // Records are encrypted on the tablet (local-db/data-key.ts): the office's key for this tablet opens
      // the data key (or a new one is made), wrapped again by the password just typed for offline use.
      const { keyHex } = await transport.fetchTabletKey({ deviceId: device.deviceId, password: parsed.data.password });
      if ((await unlockAtSignIn(db, parsed.data.password, hexBytes(keyHex), now())) === 'other-key') {
        setErrors({ form: OTHER_ORGANISATION });
        return false;
      }
      await saveSession(db, session, now());
      // Visit packs go only onto enrolled tablets; a failure here shows later, plainly, when a pack is fetched.
      await enrolThisTablet(transport, session, device).catch(() => undefined);
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

export const TABLET_HOLDS_VISITS =
  'This tablet holds an organiser’s visit records, so it cannot be opened with this account. Sign in on another computer or tablet, or ask an organiser.';

export const OTHER_ORGANISATION =
  'This tablet holds records of another organisation, so it cannot be opened with this account. Ask an admin to reset the tablet.';

const hexBytes = (hex: string): Uint8Array<ArrayBuffer> => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Signing in did not work. Try again.';
}
