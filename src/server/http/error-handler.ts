import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError, sendApiError } from './api-error';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Fastify's own refusals, reworded for people. Anything else below 500 keeps its status. */
function fromFastifyError(error: FastifyError): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'invalid-request', 'The request is too large: Hearth accepts at most 1 MB at a time. Send fewer events at once.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid-request', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'invalid-request', 'Send the request body as JSON (Content-Type: application/json).');
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new HttpError(error.statusCode, 'invalid-request', 'The request could not be understood. Check it and try again.');
  }
  return null;
}

/** Every error leaves as an ApiError body; bad input is never a 5xx. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return sendApiError(reply, error);
    const known = fromFastifyError(error);
    if (known) return sendApiError(reply, known);
    request.log.error({ err: error }, 'request failed');
    return sendApiError(reply, new HttpError(500, 'internal', 'Something went wrong in the office server. Try again in a minute.'));
  });
}
