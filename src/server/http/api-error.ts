import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiError, ApiErrorCode } from '../../domain/api';

/** A refusal the client can act on. Thrown from routes; turned into an ApiError body by the error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly ids?: string[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message = 'There is nothing here.') => new HttpError(404, 'not-found', message);
export const notAllowed = (message = 'Your account cannot do this. Ask an organiser in your office.') => new HttpError(403, 'not-allowed', message);
export const notSignedIn = () => new HttpError(401, 'not-signed-in', 'You are not signed in. Sign in and try again.');

export function sendApiError(reply: FastifyReply, error: HttpError): FastifyReply {
  const body: ApiError = { error: { code: error.code, message: error.message, ...(error.ids ? { ids: error.ids } : {}) } };
  return reply.code(error.statusCode).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
}

/** Parses input with a shared schema, or throws a 400 whose message names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'the request'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new HttpError(400, 'invalid-request', describeIssues(result.error.issues, what));
}

const MAX_ISSUES_LISTED = 3;

export function describeIssues(issues: readonly z.core.$ZodIssue[], what = 'the request'): string {
  const sentences = issues.slice(0, MAX_ISSUES_LISTED).map((issue) => describeIssue(issue, what));
  const more = issues.length > MAX_ISSUES_LISTED ? ` (and ${issues.length - MAX_ISSUES_LISTED} more)` : '';
  return `${sentences.join('; ')}${more}.`;
}

function describeIssue(issue: z.core.$ZodIssue, what: string): string {
  if (issue.path.length === 0) return `${what.charAt(0).toUpperCase()}${what.slice(1)} ${plainMessage(issue)}`;
  return `${issue.path.map(String).join('.')}: ${plainMessage(issue)}`;
}

// Zod's own wording ("Too small: expected array to have >=1 items") is for programmers; these are for people.
function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} Hearth does not expect: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.message.endsWith('received undefined') ? 'is missing' : `must be ${withArticle(issue.expected)}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) return `must be one of: ${issue.options.join(', ')}`;
      return 'is not one of the accepted kinds';
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (hasOwnMessage(issue)) return issue.message;
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return unit(issue.origin) ? `must have at least ${issue.minimum} ${unit(issue.origin)}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (hasOwnMessage(issue)) return issue.message;
      return unit(issue.origin) ? `must have at most ${issue.maximum} ${unit(issue.origin)}` : `must be at most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'must be a date and time such as 2025-03-01T10:30:00Z';
      return hasOwnMessage(issue) ? issue.message : `is not a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

/** Schemas in src/domain give their own plain messages; zod's defaults start with a capital letter. */
function hasOwnMessage(issue: z.core.$ZodIssue): boolean {
  return /^[a-z]/.test(issue.message);
}

function unit(origin: string): string {
  if (origin === 'string') return 'characters';
  if (origin === 'array' || origin === 'set') return 'items';
  return '';
}

function withArticle(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
