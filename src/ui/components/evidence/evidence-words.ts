import type { OutcomeStanding } from '../../../domain/evidence';
import { SUPPORT_USED_WORDS, type IndicatedBy, type Presentation, type Reaction, type SupportUsed } from '../../../domain/events';

/** "Sam", "Sam and Grace", "Sam, Grace and Tom"; `empty` for none. */
export function listOfWords(words: readonly string[], empty = 'none'): string {
  if (words.length === 0) return empty;
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Evidence is read later and by inspectors: dates carry the year, times the UK clock. */
const whenFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "10 November 2026 at 10:44" */
export function formatWhen(iso: string): string {
  const parts = Object.fromEntries(whenFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** "19 October 2026", from a calendar date (YYYY-MM-DD) or a date-time. */
export function formatDate(dateOrIso: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(dateOrIso) ? `${dateOrIso}T12:00:00Z` : dateOrIso;
  return dayFormat.format(new Date(iso));
}

export function indicatedByWords(indicatedBy: IndicatedBy, personName: string): string {
  switch (indicatedBy) {
    case 'person-by-touch':
      return `${personName}, by touching the screen`;
    case 'person-by-pointing':
      return `${personName}, by pointing`;
    case 'person-by-eye-gaze':
      return `${personName}, by looking at it (eye gaze)`;
    case 'person-by-gesture':
      return `${personName}, with a gesture or sign`;
    case 'person-with-supporter':
      return `${personName}, with a supporter’s help`;
    case 'family-on-their-behalf':
      return `A family member, on ${personName}’s behalf`;
  }
}


export function supportsWords(supports: readonly SupportUsed[]): string {
  return supports.length === 0 ? 'None' : supports.map((s) => SUPPORT_USED_WORDS[s]).join(', ');
}

export function reactionWords(reaction: Reaction | null): string {
  switch (reaction) {
    case 'like':
      return 'I like';
    case 'not-sure':
      return 'Not sure';
    case 'not-for-me':
      return 'Not for me';
    case null:
      return 'Not placed';
  }
}

export function presentationWords(presentation: Presentation): string {
  return presentation === 'description-first'
    ? 'What people appreciate and what matters first, then the photo and film'
    : 'The photo and film first';
}

export function languageWords(language: 'en' | 'cy'): string {
  return language === 'cy' ? 'Welsh (Cymraeg)' : 'English';
}

/** "less than a minute", "1 minute", "14 minutes" */
export function durationWords(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return 'less than a minute';
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function standingWords(standing: OutcomeStanding): string {
  switch (standing) {
    case 'current':
      return 'This is the decision';
    case 'withdrawn':
      return 'Withdrawn on the tablet';
    case 'set-aside':
      return 'Set aside by the office';
    case 'earlier':
      return 'Replaced by a later answer';
  }
}

/** "1 day", "24.5 days" */
export function daysWords(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
