import { useEffect, useRef } from 'react';

/**
 * Moves focus to an element (a screen's heading) when it appears, so a screen reader announces the
 * new screen and keyboard users start from the top. The element needs tabIndex={-1}.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
