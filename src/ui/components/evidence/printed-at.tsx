import { useEffect, useState } from 'react';
import { useAppServices } from '../../app';
import { formatWhen } from './evidence-words';

/** When the page is printed: the time it opened, brought up to date as the browser starts to print. */
export function PrintedAt() {
  const { now } = useAppServices();
  const [printedAt, setPrintedAt] = useState(() => now().toISOString());
  useEffect(() => {
    const update = () => setPrintedAt(now().toISOString());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, [now]);
  return (
    <div>
      <dt>Printed</dt>
      <dd>{formatWhen(printedAt)}</dd>
    </div>
  );
}
