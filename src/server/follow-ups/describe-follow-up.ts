import type { Outcome } from '../../domain/events';

export type FollowUpKind = Exclude<Outcome, 'chosen'>;

/** "Sam", "Sam and Grace", "Sam, Grace and Tom". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What the person asked for, in the words the office reads: "Asked to meet Sam and Grace first". */
export function describeFollowUp(kind: FollowUpKind, meetFirstNames: readonly string[]): string {
  switch (kind) {
    case 'meet-first':
      return meetFirstNames.length > 0 ? `Asked to meet ${listOfNames(meetFirstNames)} first` : 'Asked to meet the carers first';
    case 'not-sure-yet':
      return 'Not sure yet';
    case 'none-of-these':
      return 'None of these';
  }
}
