import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useAppServices } from '../app';
import { clearHandedOver, markHandedOver } from './handed-over';

/**
 * Keeps the tablet in person mode: every navigation away (the browser's Back button included) is
 * blocked and undone at once, until the organiser has unlocked with their PIN and `leave` is called.
 * Once `handedOver` (the PIN is set and the person has the tablet), the visit is also recorded as
 * handed over, so a fresh start of the app anywhere comes back here (see KeepInPersonMode).
 */
export function useStayInPersonMode(visitId: string, handedOver: boolean): { leave: (go: () => void) => void } {
  const { db } = useAppServices();
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => !allowed.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state === 'blocked') blocker.reset();
  }, [blocker]);

  useEffect(() => {
    if (handedOver && !allowed.current) markHandedOver(db, visitId);
  }, [db, visitId, handedOver]);

  const leave = useCallback(
    (go: () => void) => {
      allowed.current = true;
      clearHandedOver(db);
      go();
    },
    [db],
  );
  return { leave };
}
