import type { ReactNode } from 'react';
import { useFocusOnMount } from '../../hooks/use-focus-on-mount';

/** The PIN dialog's heading (it names the dialog). It takes focus whenever it appears, so each step is announced. */
export function DialogHeading({ children }: { children: ReactNode }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h2 id="pin-heading" ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}
