import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The API answers the app's own requests, never a browser window. Without this, someone handed the tablet
 * in person mode who types /api/visits into Safari's address bar gets every visit as JSON, sent with the
 * organiser's cookie, past person mode and its PIN (RELIABILITY A4). Browsers mark a typed address, a link,
 * a reload or Back as a navigation (Fetch Metadata: `Sec-Fetch-Mode: navigate`); the app's fetch() calls,
 * pictures and films never are. Files meant to be saved from a link (the outcomes .csv) keep working.
 */
export function isApiPageRequest(request: Pick<FastifyRequest, 'url' | 'headers'>): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  // The health check has nothing personal in it, and people open it in a browser to see the server is up.
  if (!pathname.startsWith('/api/') || pathname === '/api/health') return false;
  if (request.headers['sec-fetch-mode'] !== 'navigate') return false;
  // A download link names a file (…/outcomes.csv): the browser saves it rather than showing it.
  return !/\.[a-z0-9]+$/i.test(pathname);
}

/**
 * Before every route, so nothing is read (or written to the audit log) for a browser window. The window is
 * sent to the app instead, which opens person mode again if the tablet is handed over (KeepInPersonMode).
 */
export function installNoApiPages(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isApiPageRequest(request)) return reply.header('cache-control', 'no-store').redirect('/', 303);
  });
}
