import type { ReactNode } from 'react';
import { useFocusOnMount } from '../hooks/use-focus-on-mount';

/** A screen's one h1. It takes focus when the screen opens, so screen readers announce where they are. */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h1 ref={ref} id={id} tabIndex={-1}>
      {children}
    </h1>
  );
}
