import type { PersonModeLanguage } from '../../domain/person-mode';
import { speechSynthesisOrNull, utteranceFor, voiceFor } from './speech';

/** A short, soft beep, for people who cannot watch the screen closely. */
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

/** What a screen reader would call the element: its aria-label, else its text (a radio: its label's). */
export function spokenName(element: HTMLElement): string {
  const label = element.getAttribute('aria-label') ?? (element instanceof HTMLInputElement ? element.closest('label')?.textContent : null);
  return (label ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The cue as the scanning light reaches a choice: its name said aloud when the person's settings ask
 * for it and the tablet has a voice in their language, else the beep. Speaking cuts off the last cue,
 * so the words always match the light.
 */
export function makeScanCue(speak: boolean, language: PersonModeLanguage): (element: HTMLElement) => void {
  const beep = makeBeeper();
  const synth = speak ? speechSynthesisOrNull() : null;
  return (element) => {
    const voice = synth ? voiceFor(synth, language) : null;
    if (!synth || !voice) return beep();
    synth.cancel();
    synth.speak(utteranceFor(spokenName(element), language, voice));
  };
}
