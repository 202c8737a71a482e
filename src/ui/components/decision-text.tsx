import type { VisitDecision } from '../../domain/visits';
import { assertNever } from '../assert-never';

/** The office's record of what the person decided, in words: "Hilda chose Sam". */
export function decisionWords(personFirstName: string, decision: Pick<VisitDecision, 'outcome' | 'chosenCarerFirstName'>): string {
  switch (decision.outcome) {
    case 'chosen':
      return `${personFirstName} chose ${decision.chosenCarerFirstName ?? 'a care worker'}`;
    case 'none-of-these':
      return `${personFirstName} said none of these`;
    case 'not-sure-yet':
      return `${personFirstName} is not sure yet`;
    case 'meet-first':
      return `${personFirstName} would like to meet someone first`;
    default:
      return assertNever(decision.outcome);
  }
}

/** The short answer for the office's table: the chosen carer's name, or what was said instead. */
export function decisionShort(decision: Pick<VisitDecision, 'outcome' | 'chosenCarerFirstName'>): string {
  switch (decision.outcome) {
    case 'chosen':
      return decision.chosenCarerFirstName ?? 'A care worker';
    case 'none-of-these':
      return 'None of these';
    case 'not-sure-yet':
      return 'Not sure yet';
    case 'meet-first':
      return 'Would like to meet someone first';
    default:
      return assertNever(decision.outcome);
  }
}
