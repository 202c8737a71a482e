import type { PersonModeLanguage } from '../../../domain/person-mode';
import { cy } from './cy';
import { en, type PersonModeText } from './en';

export const PERSON_MODE_TEXT: Record<PersonModeLanguage, PersonModeText> = { en, cy };

export function personModeText(language: PersonModeLanguage): PersonModeText {
  return PERSON_MODE_TEXT[language];
}
