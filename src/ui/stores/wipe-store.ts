import { create } from 'zustand';
import type { WipeReport } from '../../local-db/wipe-tablet';

/** Why the tablet was wiped: the office revoked it (lost or stolen), or the organiser signed out with nothing waiting. */
export type WipeReason = 'revoked' | 'signed-out';

export interface WipeScreen {
  reason: WipeReason;
  /** The organisation it belonged to, read before the wipe (null when the tablet never had a session). */
  organisationName: string | null;
  /** Null while the wipe is running. */
  report: WipeReport | null;
}

/** Set once the tablet starts wiping itself: the app then shows only the wiped screen, never the routes. */
interface WipeState {
  screen: WipeScreen | null;
}

export const useWipeStore = create<WipeState>()(() => ({ screen: null }));

export function resetWipeStore(): void {
  useWipeStore.setState({ screen: null });
}
