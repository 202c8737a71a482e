/**
 * Names of failures that come from the tablet's storage rather than from Hearth: a full disk or quota,
 * or the browser's database failing inside (Safari reports some disk trouble as UnknownError).
 */
const STORAGE_ERROR_NAMES = new Set(['QuotaExceededError', 'UnknownError']);

function nameChain(error: unknown): string[] {
  const names: string[] = [];
  // Dexie wraps the browser's DOMException (e.g. an AbortError whose `inner` is the QuotaExceededError).
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = (e as { inner?: unknown }).inner, depth++) {
    names.push(e.name);
  }
  return names;
}

/** True when the error, or one it wraps, says storage is full. */
export function isQuotaError(error: unknown): boolean {
  return nameChain(error).includes('QuotaExceededError');
}

export function isStorageError(error: unknown): boolean {
  return nameChain(error).some((name) => STORAGE_ERROR_NAMES.has(name));
}

/**
 * Runs a write, and once more if storage refused it: browsers sometimes free space (or finish a
 * compaction) a moment later. A second refusal is thrown for the caller to report, never dropped.
 * Only for writes that are safe to repeat (each is one transaction that either happened or did not).
 */
export async function retryStorageOnce<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isStorageError(error)) throw error;
    return write();
  }
}
