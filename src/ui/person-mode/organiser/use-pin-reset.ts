import { useState } from 'react';
import type { LoginRequest } from '../../../domain/api';
import { clearOrganiserPin } from '../../../local-db/organiser-pin';
import { getSession } from '../../../local-db/queries';
import { ApiFailure, NetworkFailure } from '../../../sync/transport';
import { useAppServices } from '../../app';

export type PinReset = 'reset' | 'offline' | 'wrong-login' | 'other-organisation' | 'not-signed-in' | 'failed';

/**
 * "Forgotten the PIN?": the office checks the organiser's email and password, and only someone of the
 * organisation this tablet is signed in to may take the PIN off it. Anything else changes nothing.
 */
export function usePinReset() {
  const { db, transport } = useAppServices();
  const [busy, setBusy] = useState(false);

  async function resetPin(login: LoginRequest): Promise<PinReset> {
    setBusy(true);
    try {
      const stored = await getSession(db);
      // With nobody signed in there is no organisation to compare with: refusing is the safe side.
      if (!stored) return 'not-signed-in';
      // A check, not a login: a login would replace the tablet's session cookie, even with another organisation's.
      const who = await transport.checkLogin(login);
      if (who.organisation.id !== stored.session.organisation.id) return 'other-organisation';
      await clearOrganiserPin(db);
      return 'reset';
    } catch (error) {
      if (error instanceof NetworkFailure) return 'offline';
      if (error instanceof ApiFailure && error.code === 'wrong-login') return 'wrong-login';
      return 'failed';
    } finally {
      setBusy(false);
    }
  }

  return { resetPin, busy };
}
