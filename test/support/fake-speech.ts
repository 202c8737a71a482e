import { vi } from 'vitest';

export interface FakeUtterance {
  text: string;
  lang: string;
  voice: { lang: string } | null;
}

/** A stand-in for the device's speech synthesis, with the voices given. */
export function fakeSpeech(voices: { lang: string }[]) {
  const spoken: FakeUtterance[] = [];
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      text: string;
      lang = '';
      voice: { lang: string } | null = null;
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    },
  );
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: { speaking: false, speak: (u: FakeUtterance) => spoken.push(u), cancel: () => undefined, getVoices: () => voices },
  });
  return spoken;
}

/** Takes the stand-in away again (call after each test that used it). */
export function removeFakeSpeech(): void {
  vi.unstubAllGlobals();
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
}
