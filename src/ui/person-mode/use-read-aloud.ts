import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonModeLanguage } from '../../domain/person-mode';
import { useStoredFileUrl } from '../hooks/use-stored-file-url';
import { speechSynthesisOrNull, utteranceFor, voiceFor } from './speech';

export type ReadAloud = { available: false } | { available: true; speaking: boolean; toggle: () => void };

/**
 * "Listen": plays the carer's own recording when the pack has one (iOS web apps have poor speech
 * synthesis, and a familiar voice is better), else the device's speech synthesis in the person's
 * language. `available` is false when neither can work, so no button is shown that does nothing.
 */
export function useReadAloud(text: string, language: PersonModeLanguage, voiceSha256?: string): ReadAloud {
  const recordingUrl = useStoredFileUrl(voiceSha256);
  const [speaking, setSpeaking] = useState(false);
  const audio = useRef<HTMLAudioElement | null>(null);
  const synth = speechSynthesisOrNull();
  const voice = synth ? voiceFor(synth, language) : null;

  const stop = useCallback(() => {
    audio.current?.pause();
    audio.current = null;
    if (synth?.speaking) synth.cancel();
    setSpeaking(false);
  }, [synth]);
  useEffect(() => stop, [stop]);

  const toggle = useCallback(() => {
    if (speaking) {
      stop();
      return;
    }
    if (recordingUrl) {
      const element = new Audio(recordingUrl);
      audio.current = element;
      element.onended = () => setSpeaking(false);
      setSpeaking(true);
      Promise.resolve()
        .then(() => element.play())
        .catch(() => setSpeaking(false));
      return;
    }
    if (synth && voice) {
      synth.cancel();
      const utterance = utteranceFor(text, language, voice);
      utterance.onend = () => setSpeaking(false);
      utterance.onerror = () => setSpeaking(false);
      setSpeaking(true);
      synth.speak(utterance);
    }
  }, [speaking, stop, recordingUrl, synth, voice, text, language]);

  if (!recordingUrl && !(synth && voice)) return { available: false };
  return { available: true, speaking, toggle };
}
