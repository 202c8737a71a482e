import type { FastifyInstance } from 'fastify';
import { HttpError } from './api-error';

/**
 * A NUL character, or half of a UTF-16 pair (a broken emoji): PostgreSQL's text and jsonb cannot hold a
 * NUL at all (the insert fails with a server error), and a lone half is silently stored as '�', so
 * what is read back is not what was sent. JSON can carry both ("\u0000", "\ud800"), so they are refused.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The path of the first string (or object key) that the database cannot store as sent, or null.
 * Walks with its own stack, not recursion: a 1 MB body can nest half a million arrays deep.
 */
export function unstorableTextAt(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : String(i) }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        if (UNSTORABLE.test(key)) return at;
        stack.push({ value: item, path: at });
      }
    }
  }
  return null;
}

/** Refuses, before any route reads it, a body or query string holding text the database cannot store. */
export function installStorableTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [what, input] of [
      ['the request', request.body],
      ['the query', request.query],
    ] as const) {
      const at = unstorableTextAt(input);
      if (at === null) continue;
      const where = at === '' ? what : at.slice(0, 200);
      throw new HttpError(400, 'invalid-request', `${where}: contains a character Hearth cannot store (a NUL, or half of an emoji). Type it again.`);
    }
  });
}
