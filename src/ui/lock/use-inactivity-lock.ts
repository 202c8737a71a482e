import { useEffect } from 'react';

/** Minutes without a touch, key or scroll before the organiser's screens lock behind the PIN. */
export const INACTIVITY_LOCK_MS = 5 * 60_000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `lock` after `afterMs` without use, while `active`. Person mode is not timed (the person may sit
 * and think; leaving it needs the PIN anyway), so the caller passes active=false there.
 */
export function useInactivityLock(active: boolean, lock: () => void, afterMs: number = INACTIVITY_LOCK_MS): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(lock, afterMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, afterMs);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [active, lock, afterMs]);
}
