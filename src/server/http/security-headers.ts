import type { FastifyInstance } from 'fastify';

/**
 * What the browser may load for Hearth: its own scripts, styles, fonts and API only; photos, films and
 * voices from this server or from Blobs on the tablet (a visit pack plays from IndexedDB); no plugins, no
 * <base> rewriting, no other site framing it. The app has no inline scripts or styles to allow.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // Two years, as the HSTS preload list asks; browsers ignore it over plain http://localhost.
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // A link out of Hearth never tells the other site which person's page it came from.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()',
};

/** Every response, whatever route, status or error, carries these (the headers test walks the route table). */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // The office's answers and people's media are about one person at one moment: never kept in a cache.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
