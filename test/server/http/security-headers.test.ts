import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../../src/server/http/security-headers';
import { makeServerWorld, type ServerWorld } from '../../support/server-world';

const SOME_ID = '0190f5a2-7b3c-7d4e-8f00-0000000000aa';

/** A concrete URL for a route pattern: every parameter an id that exists nowhere. */
const concrete = (url: string) => url.replace(/:[A-Za-z0-9_]+/g, SOME_ID).replace(/\*$/, 'some/page');

describe('security headers on every route (from the route table)', () => {
  let world: ServerWorld;
  let cookie: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signIn();
  });
  afterAll(() => world.close());

  it('walks every route the app registered', () => {
    const urls = new Set(world.app.routeTable.map((r) => r.url));
    // The table is the app's own: a route added later is walked without anyone listing it here.
    for (const known of ['/api/events', '/api/carers/:id/profile', '/api/uploads', '/api/media/:sha256', '/api/reports/choice']) expect(urls).toContain(known);
    expect(world.app.routeTable.length).toBeGreaterThan(30);
  });

  it('sends CSP, HSTS, nosniff, frame and referrer rules on every answer, signed in or not, and no-store on the API', async () => {
    const checked: string[] = [];
    for (const { method, url } of world.app.routeTable) {
      for (const as of [cookie, null]) {
        const response = await world.app.inject({
          method: method as 'GET',
          url: concrete(url),
          headers: as ? { cookie: as } : {},
          ...(['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {}),
        });
        const where = `${method} ${url} (${as ? 'signed in' : 'signed out'}) → ${response.statusCode}`;
        expect(response.statusCode, where).toBeLessThan(500);
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name], `${where}: ${name}`).toBe(value);
        if (url.startsWith('/api/')) expect(response.headers['cache-control'], where).toBe('no-store');
        checked.push(where);
      }
    }
    expect(checked.length).toBe(world.app.routeTable.length * 2);
  });

  it('keeps them on answers no route gave: an unknown API address', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-security-policy']).toBe(SECURITY_HEADERS['content-security-policy']);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it("forbids plugins, <base> rewriting and being framed, and allows films only from Hearth and the tablet's Blobs", () => {
    const csp = SECURITY_HEADERS['content-security-policy']!;
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("media-src 'self' blob:");
    expect(Number(/max-age=(\d+)/.exec(SECURITY_HEADERS['strict-transport-security']!)![1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
  });
});
