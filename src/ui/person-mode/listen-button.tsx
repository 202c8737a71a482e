import { usePersonModeStore } from '../stores/person-mode-store';
import { PersonButton } from './person-button';
import { usePersonMode } from './person-mode-context';
import { useReadAloud } from './use-read-aloud';

function SpeakerIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * Reads a block of text aloud. `label` names what is read, for screen readers ("Listen: What matters
 * to me"), while the button shows the one word. Hidden when the tablet cannot read aloud.
 */
export function ListenButton({ text, label, voice }: { text: string; label: string; voice?: string }) {
  const { settings, text: words } = usePersonMode();
  const readAloud = useReadAloud(text, settings.language, voice);
  const noteUsed = usePersonModeStore((s) => s.noteUsed);
  if (!readAloud.available) return null;
  const word = readAloud.speaking ? words.stopListening : words.listen;
  return (
    <PersonButton
      className="button secondary listen-button"
      aria-label={`${word}: ${label}`}
      onActivate={() => {
        noteUsed('audio');
        readAloud.toggle();
      }}
    >
      <SpeakerIcon />
      {word}
    </PersonButton>
  );
}
