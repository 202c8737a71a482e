import type { VisitDecision } from '../../domain/visits';

/** The office's record of what the person decided, in words: "Hilda chose Sam". */
export function decisionWords(personFirstName: string, decision: Pick<VisitDecision, 'outcome' | 'chosenCarerFirstName'>): string {
  return decision.outcome === 'chosen'
    ? `${personFirstName} chose ${decision.chosenCarerFirstName ?? 'a care worker'}`
    : `${personFirstName} said none of these`;
}
