import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useSyncExternalStore, type ReactNode } from 'react';
import { matchPath, type DataRouter } from 'react-router';
import { hasSession } from '../../local-db/queries';
import { lockWhenIdle, storedKeyKind } from '../../local-db/unlock';
import { useAppServices } from '../app';
import { paths } from '../paths';
import { LockScreen } from './lock-screen';
import { UnlockScreen } from './unlock-screen';
import { useInactivityLock } from './use-inactivity-lock';

function usePathname(router: DataRouter): string {
  return useSyncExternalStore(
    (listener) => router.subscribe(listener),
    () => router.state.location.pathname,
  );
}

/**
 * Stands in front of every screen. While the screen is locked, the lock screen is all that is
 * rendered (no screen with anyone's records behind it); while the data key is not in memory and
 * someone is signed in, the password screen (an organiser's tablet, or a care worker's or manager's
 * personal key: unlock-screen.tsx). Locks itself after a few minutes without use, except in person mode:
 * the person may sit and think, and leaving person mode needs the PIN already.
 */
export function DataLockGate({ router, children, lockAfterMs }: { router: DataRouter; children: ReactNode; lockAfterMs?: number }) {
  const { db } = useAppServices();
  const state = useSyncExternalStore(
    (listener) => db.dataKey.subscribe(listener),
    () => db.dataKey.state(),
  );
  const inPersonMode = matchPath(paths.person, usePathname(router)) !== null;
  const lock = useCallback(() => void lockWhenIdle(db), [db]);
  useInactivityLock(state === 'unlocked' && !inPersonMode, lock, lockAfterMs);
  const sealed = useLiveQuery(
    async () => ({ state, signedIn: state === 'no-key' && (await hasSession(db)), storedKey: await storedKeyKind(db) }),
    [db, state],
  );

  if (state === 'locked') return <LockScreen />;
  if (state === 'no-key') {
    // Until the answer is about this state, nothing is shown: a screen rendered now could not read its records.
    if (sealed?.state !== state) return <p className="loading">Opening Hearth…</p>;
    if (sealed.signedIn) return <UnlockScreen storedKey={sealed.storedKey} />;
  }
  return children;
}
