import { useEffect, useRef, useState, type ButtonHTMLAttributes, type PointerEvent, type ReactNode } from 'react';

const DWELL_TICK_MS = 50;

export interface DwellButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> {
  /** How long the finger must stay on the button. */
  dwellMs: number;
  onActivate: () => void;
  children: ReactNode;
}

/**
 * Hold to choose, for unsteady hands: a touch only counts once it has stayed on the button for
 * `dwellMs`, while a ring fills so the person can see it coming; lifting early cancels, so a brush
 * or a tremor chooses nothing. Keyboard and switch presses (a click with no pointer) act at once:
 * those are deliberate already.
 */
export function DwellButton({ dwellMs, onActivate, children, className = 'button', ...rest }: DwellButtonProps) {
  const [progress, setProgress] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = () => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
    setProgress(0);
  };
  useEffect(() => stop, []);

  const start = (event: PointerEvent<HTMLButtonElement>) => {
    if ((event.button ?? 0) !== 0) return; // a mouse's right button is not a hold
    stop();
    let elapsed = 0;
    // Counted in ticks rather than wall time, so a paused page does not choose on its return.
    timer.current = setInterval(() => {
      elapsed += DWELL_TICK_MS;
      if (elapsed >= dwellMs) {
        stop();
        onActivate();
      } else {
        setProgress(elapsed / dwellMs);
      }
    }, DWELL_TICK_MS);
  };

  const circumference = 2 * Math.PI * 20;
  return (
    <button
      type="button"
      {...rest}
      className={`${className} dwell-button`}
      onPointerDown={start}
      onPointerUp={stop}
      onPointerLeave={stop}
      onPointerCancel={stop}
      onContextMenu={(e) => e.preventDefault()}
      onClick={(e) => {
        // detail 0: a keyboard, switch or assistive-technology press, not a finger.
        if (e.detail === 0) onActivate();
      }}
    >
      <svg className="dwell-ring" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" data-progress={progress.toFixed(2)}>
        <circle cx="24" cy="24" r="20" className="dwell-ring-track" />
        <circle
          cx="24"
          cy="24"
          r="20"
          className="dwell-ring-fill"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - progress)}
          transform="rotate(-90 24 24)"
        />
      </svg>
      <span>{children}</span>
    </button>
  );
}
