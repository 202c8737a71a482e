import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

/**
 * Keeps the tablet in person mode: every navigation away (the browser's Back button included) is
 * blocked and undone at once, until the organiser has unlocked with their PIN and `leave` is called.
 */
export function useStayInPersonMode(): { leave: (go: () => void) => void } {
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => !allowed.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state === 'blocked') blocker.reset();
  }, [blocker]);

  const leave = useCallback((go: () => void) => {
    allowed.current = true;
    go();
  }, []);
  return { leave };
}
