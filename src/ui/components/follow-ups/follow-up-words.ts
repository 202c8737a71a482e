import type { FollowUp } from '../../../domain/follow-ups';
import { ApiFailure, NetworkFailure } from '../../../sync/transport';

/** "Hilda: Not sure yet" */
export function followUpTitle(followUp: FollowUp): string {
  return `${followUp.personFirstName}: ${followUp.summary}`;
}

/** Who closed it: an organiser, or no one in the office when the person's decision was withdrawn on the tablet. */
export function doneByText(followUp: FollowUp): string {
  return followUp.resolvedByName ?? 'Closed on the tablet';
}

/**
 * What the screen says once the office has answered. The office keeps the first resolution, so
 * someone else (or a withdrawal on the tablet) may have closed it already.
 */
export function resolvedMessage(followUp: FollowUp, organiserName: string | undefined): string {
  const what = `${followUp.personFirstName}, “${followUp.summary}”`;
  if (followUp.resolvedByName === null) return `${what}, was already closed on the tablet: the decision was withdrawn.`;
  if (organiserName !== undefined && followUp.resolvedByName !== organiserName) {
    return `${what}, was already marked as done by ${followUp.resolvedByName}. Their note is kept.`;
  }
  return `Marked as done: ${what}. It is now under “Done recently”.`;
}

/** Why marking as done did not work, in words an organiser can act on. */
export function resolveFailureText(error: unknown): string {
  if (error instanceof NetworkFailure) {
    return 'Not marked as done: there is no connection to the office. Connect to Wi-Fi or mobile data, then press "Mark as done" again.';
  }
  if (error instanceof ApiFailure && error.status === 401) return 'Not marked as done: the office asks you to sign in again. Sign out, then sign in.';
  const reason = error instanceof Error ? error.message : String(error);
  return `Not marked as done. ${reason}`;
}
