import { createContext, use, type ReactNode } from 'react';
import type { PersonModeSettings } from '../../domain/person-mode';
import type { PersonModeText } from './text/en';
import { personModeText } from './text/text';

export type ResolvedSettings = PersonModeSettings & { descriptionFirst: boolean };

interface PersonModeContextValue {
  settings: ResolvedSettings;
  text: PersonModeText;
}

const PersonModeContext = createContext<PersonModeContextValue | null>(null);

export function PersonModeProvider({ settings, children }: { settings: ResolvedSettings; children: ReactNode }) {
  return <PersonModeContext value={{ settings, text: personModeText(settings.language) }}>{children}</PersonModeContext>;
}

/** The person's settings and the words in their language, for every piece of person mode. */
export function usePersonMode(): PersonModeContextValue {
  const value = use(PersonModeContext);
  if (!value) throw new Error('usePersonMode must be used inside <PersonModeProvider>');
  return value;
}
