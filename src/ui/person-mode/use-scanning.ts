import { useEffect, useRef, useState } from 'react';
import type { PersonModeLanguage } from '../../domain/person-mode';
import { makeScanCue } from './scan-cues';

const TARGETS = 'button:not([disabled]):not([aria-disabled="true"]):not([data-scan-skip]), input:not([disabled])';
export const SCAN_HIGHLIGHT = 'data-scan-highlight';
/** After this many times round every choice with nothing chosen, the light stops until the next tap. */
export const SCAN_ROUNDS_BEFORE_PAUSE = 3;

export interface ScanningOptions {
  intervalMs: number;
  /** Say each choice aloud as the light reaches it, instead of the beep. */
  speak: boolean;
  language: PersonModeLanguage;
}

/**
 * Single-switch scanning: a highlight (and focus) moves through the buttons on a timer; a tap anywhere,
 * Space or Enter presses the highlighted one. A second switch (or the organiser's keys) may step:
 * the arrow keys move the light back or on, and the timer starts again from there. After
 * SCAN_ROUNDS_BEFORE_PAUSE rounds with nothing chosen the light stops, so it does not beep on while the
 * person thinks or talks; the next press starts it again without choosing anything. Anything marked
 * data-scan-skip (the organiser's button) is left out and still works by touch.
 */
export function useScanning(active: boolean, { intervalMs, speak, language }: ScanningOptions) {
  const root = useRef<HTMLElement>(null);
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    const container = root.current;
    setPaused(false);
    if (!active || !container) return;
    const cue = makeScanCue(speak, language);
    let current: HTMLElement | null = null;
    let steps = 0;
    let timer: ReturnType<typeof setInterval> | null = null;
    let selecting = false;

    // Hidden cards (one at a time) are inert: never highlight what cannot be seen.
    const targets = () => Array.from(container.querySelectorAll<HTMLElement>(TARGETS)).filter((el) => !el.closest('[inert]'));
    const highlight = (next: HTMLElement | null) => {
      current?.removeAttribute(SCAN_HIGHLIGHT);
      current = next;
      if (!next) return;
      next.setAttribute(SCAN_HIGHLIGHT, '');
      next.focus();
      cue(next);
    };
    const move = (by: 1 | -1) => {
      const all = targets();
      if (all.length === 0) return highlight(null);
      const at = current ? all.indexOf(current) : -1;
      highlight(all[at === -1 ? (by === 1 ? 0 : all.length - 1) : (at + by + all.length) % all.length]!);
    };
    const tick = () => {
      if (++steps >= SCAN_ROUNDS_BEFORE_PAUSE * Math.max(1, targets().length)) return pause();
      move(1);
    };
    const start = () => {
      if (timer !== null) clearInterval(timer);
      steps = 0;
      timer = setInterval(tick, intervalMs);
    };
    const pause = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
      highlight(null);
      setPaused(true);
    };
    const resume = () => {
      setPaused(false);
      highlight(null);
      move(1);
      start();
    };
    const select = () => {
      if (timer === null) return resume(); // the light had stopped: this press only starts it again
      if (!current || !current.isConnected) return;
      selecting = true;
      current.click();
      selecting = false;
      start(); // a fresh count of rounds after every choice
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
      const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[event.key] as 1 | -1 | undefined;
      if (step === undefined && event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      event.stopPropagation();
      if (step === undefined) return select();
      setPaused(false);
      move(step);
      start();
    };

    move(1);
    start();
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      if (timer !== null) clearInterval(timer);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      current?.removeAttribute(SCAN_HIGHLIGHT);
    };
  }, [active, intervalMs, speak, language]);

  return { root, paused };
}
