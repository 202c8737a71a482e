import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound, sendApiError } from '../http/api-error';

/** Files the browser must check with the server every time, or a new version of the app never arrives. */
const ALWAYS_REVALIDATE = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hearth</title></head>
<body><h1>Hearth has not been built yet</h1>
<p>Run <code>npm run build</code>, then start the server again. The API is running.</p></body></html>
`;

function cacheHeadersFor(reply: FastifyReply, filePath: string, staticDir: string): void {
  const relative = path.relative(staticDir, filePath).split(path.sep).join('/');
  if (relative.startsWith('assets/')) {
    // Vite puts a content hash in every file name under assets/, so a name never changes its bytes.
    reply.header('cache-control', 'public, max-age=31536000, immutable');
  } else if (ALWAYS_REVALIDATE.has(relative)) {
    reply.header('cache-control', 'no-cache');
  } else {
    reply.header('cache-control', 'public, max-age=3600');
  }
}

const MAX_APP_PATH_CHARS = 1024;
const MAX_SEGMENT_CHARS = 255;

/** A path in the build as Vite names them: no '..', '.' or empty segments, backslashes, NULs or names too long for a file system. */
export function isPlainAppPath(pathName: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathName);
  } catch {
    return false;
  }
  if (decoded.length > MAX_APP_PATH_CHARS || /[\\\0]/.test(decoded)) return false;
  const segments = decoded.split('/');
  // Empty segments ("a//b") only at the ends: the leading slash, and a trailing one.
  return segments.every((segment, i) => (segment !== '' || i === 0 || i === segments.length - 1) && !/^\.+$/.test(segment) && segment.length <= MAX_SEGMENT_CHARS);
}

/**
 * Serves the PWA build from the root instance, and answers every unknown path: /api/* with a JSON 404;
 * paths the app routes itself (/visits/123, /person/123) with index.html; missing files (anything with
 * an extension, or under /assets/) with a plain 404, so a stale page never gets HTML for a script.
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  const indexPath = path.join(staticDir, 'index.html');
  const hasDir = existsSync(staticDir) && statSync(staticDir).isDirectory();
  if (hasDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      cacheControl: false,
      // index.html goes through sendIndex below, so "not built yet" is handled in one place.
      index: false,
      setHeaders: (reply, filePath) => cacheHeadersFor(reply, filePath, staticDir),
    });
    // Before the build's directory is looked at: a name that tries to climb out, or that no file could have,
    // is "not found" like any missing file (fastify-static would answer some of them 403).
    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.url !== '/*') return;
      const wildcard = (request.params as { '*'?: string })['*'] ?? '';
      if (!isPlainAppPath(`/${wildcard}`)) return answerNotFound(request, reply);
    });
  }

  function sendIndex(reply: FastifyReply): FastifyReply {
    reply.header('cache-control', 'no-cache');
    if (!hasDir || !existsSync(indexPath)) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.sendFile('index.html');
  }

  app.get('/', (_request, reply) => sendIndex(reply));
  app.get('/index.html', (_request, reply) => sendIndex(reply));

  function answerNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const pathname = request.url.split('?')[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      return sendApiError(reply, notFound('There is no such address in the Hearth API.'));
    }
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && path.posix.extname(pathname) === '';
    if (!isPage || pathname.startsWith('/assets/')) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    }
    return sendIndex(reply);
  }

  app.setNotFoundHandler(answerNotFound);
}
