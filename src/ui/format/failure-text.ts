import { ApiFailure, NetworkFailure } from '../../sync/transport';

/**
 * "Not saved: the office could not be reached. Try again when there is a connection." or "Not saved:
 * <the office's reason>": what a failed request to the office means, after `what` ("Not saved").
 */
export function failureText(what: string, error: unknown): string {
  if (error instanceof NetworkFailure) return `${what}: the office could not be reached. Try again when there is a connection.`;
  return `${what}: ${error instanceof ApiFailure || error instanceof Error ? error.message : String(error)}`;
}
