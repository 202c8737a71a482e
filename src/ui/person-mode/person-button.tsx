import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { DwellButton } from './dwell-button';
import { usePersonMode } from './person-mode-context';

interface PersonButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> {
  onActivate: () => void;
  children: ReactNode;
}

/**
 * Every button the person uses: a plain press, or hold-to-choose when their settings say dwell.
 * (Scanning moves focus through these same buttons and presses them.)
 */
export function PersonButton({ onActivate, children, className = 'button', ...rest }: PersonButtonProps) {
  const { settings } = usePersonMode();
  if (settings.selection === 'dwell') {
    return (
      <DwellButton dwellMs={settings.dwellMs} onActivate={onActivate} className={className} {...rest}>
        {children}
      </DwellButton>
    );
  }
  return (
    <button type="button" className={className} {...rest} onClick={onActivate}>
      {children}
    </button>
  );
}
