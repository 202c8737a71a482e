import type { PersonModeLanguage } from '../../domain/person-mode';

const SPEECH_LANG: Record<PersonModeLanguage, string> = { en: 'en-GB', cy: 'cy-GB' };

export function speechSynthesisOrNull(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : null;
}

/** The device's voice for the language, if it has one. English text may fall back to any voice. */
export function voiceFor(synth: SpeechSynthesis, language: PersonModeLanguage): SpeechSynthesisVoice | null | 'any' {
  const match = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(language));
  if (match) return match;
  // An English voice reading Welsh is worse than no voice: only English may use the default.
  return language === 'en' ? 'any' : null;
}

/** An utterance in the person's language, a little slower than usual (easier to follow). */
export function utteranceFor(text: string, language: PersonModeLanguage, voice: SpeechSynthesisVoice | 'any'): SpeechSynthesisUtterance {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = SPEECH_LANG[language];
  if (voice !== 'any') utterance.voice = voice;
  utterance.rate = 0.9;
  return utterance;
}
