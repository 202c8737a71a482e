import { useEffect, useRef } from 'react';

const TARGETS = 'button:not([disabled]):not([aria-disabled="true"]):not([data-scan-skip]), input:not([disabled])';
export const SCAN_HIGHLIGHT = 'data-scan-highlight';

/** A short, soft beep on each highlight, for people who cannot watch the screen closely. */
function makeBeeper(): () => void {
  const AudioContextClass = typeof window !== 'undefined' ? window.AudioContext : undefined;
  if (!AudioContextClass) return () => undefined;
  let context: AudioContext | null = null;
  return () => {
    try {
      context ??= new AudioContextClass();
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = 660;
      gain.gain.value = 0.08;
      oscillator.connect(gain).connect(context.destination);
      oscillator.start();
      oscillator.stop(context.currentTime + 0.08);
    } catch {
      // No sound is better than a broken screen: the highlight is still shown.
    }
  };
}

/**
 * Single-switch scanning: a highlight (and focus) moves through the buttons on a timer, every
 * `intervalMs`; a tap anywhere, Space or Enter presses the highlighted one. Anything marked
 * data-scan-skip (the organiser's button) is left out and still works by touch.
 * Returns the ref for the element whose buttons are scanned.
 */
export function useScanning(active: boolean, intervalMs: number) {
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    const container = root.current;
    if (!active || !container) return;
    const beep = makeBeeper();
    let current: HTMLElement | null = null;
    let selecting = false;

    const highlight = (next: HTMLElement | null) => {
      current?.removeAttribute(SCAN_HIGHLIGHT);
      current = next;
      if (!next) return;
      next.setAttribute(SCAN_HIGHLIGHT, '');
      next.focus();
      beep();
    };
    const step = () => {
      // Hidden cards (one at a time) are inert: never highlight what cannot be seen.
      const targets = Array.from(container.querySelectorAll<HTMLElement>(TARGETS)).filter((el) => !el.closest('[inert]'));
      if (targets.length === 0) return highlight(null);
      const at = current ? targets.indexOf(current) : -1;
      highlight(targets[(at + 1) % targets.length]!);
    };
    const select = () => {
      if (!current || !current.isConnected) return;
      selecting = true;
      current.click();
      selecting = false;
    };
    const onClick = (event: MouseEvent) => {
      if (selecting) return;
      if (event.target instanceof Element && event.target.closest('[data-scan-skip]')) return;
      // The tap was the switch: it presses the highlighted button, wherever it landed.
      event.preventDefault();
      event.stopPropagation();
      select();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      event.stopPropagation();
      select();
    };

    step();
    const timer = setInterval(step, intervalMs);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      clearInterval(timer);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      current?.removeAttribute(SCAN_HIGHLIGHT);
    };
  }, [active, intervalMs]);

  return root;
}
