import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, notFound, sendApiError } from './api-error';
import { SECURITY_HEADERS } from './security-headers';

/**
 * Refusals the router makes before any route runs, as ApiError bodies like every other answer:
 * an id longer than any Hearth makes (414 from Fastify) is simply not found, and a URL that is not
 * well-formed percent-encoding is a bad request. No hooks run for these, so the headers are set here.
 */
export function frameworkErrors(error: { code?: string }, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.headers(SECURITY_HEADERS);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendApiError(reply, notFound());
  return sendApiError(reply, new HttpError(400, 'invalid-request', 'The address is not well formed. Check it and try again.'));
}
