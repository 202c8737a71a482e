import { HttpError } from './api-error';

/**
 * A save is based on the version the editor opened (`basedOnUpdatedAt`). If someone saved the record
 * since, the save is refused rather than silently replacing their work; the editor keeps what was typed.
 */
export function refuseIfChangedSince(updatedAt: Date | string, basedOnUpdatedAt: string): void {
  if (new Date(updatedAt).toISOString() === new Date(basedOnUpdatedAt).toISOString()) return;
  throw new HttpError(409, 'profile-changed', 'Someone else saved this profile after you opened it. What you typed is kept here: look at the saved one, then save again.');
}
