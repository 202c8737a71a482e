import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServerWorld, type ServerWorld } from '../../support/server-world';

/** What a browser sends for an address typed into its address bar (or a link, a reload, Back). */
const TYPED = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none' };
/** What the app's own fetch() sends. */
const FETCHED = { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty', 'sec-fetch-site': 'same-origin' };

describe('the API never answers a browser window (a way out of person mode)', () => {
  let world: ServerWorld;
  let cookie: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signIn();
  });
  afterAll(() => world.close());

  it('an API address typed into the address bar, with the organiser’s cookie, shows no one: it goes to the app', async () => {
    const hilda = world.demo.visits.Hilda!;
    for (const url of ['/api/visits', `/api/visits/${hilda}/pack`, '/api/people', '/api/carers', '/api/people/profiles', '/api/session', '/api/reports/choice']) {
      const response = await world.app.inject({ method: 'GET', url, headers: { ...TYPED, cookie } });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe('/');
      for (const name of ['Hilda', 'Ruth', 'Peter', 'Sam']) expect(response.body, url).not.toContain(name);
      expect(response.headers['content-security-policy'], url).toBeDefined();
    }
  });

  it('the app’s own requests are answered as before', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/visits', headers: { ...FETCHED, cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Hilda');
    // Clients that send no Fetch Metadata at all (older browsers, scripts, tests) are not navigations.
    const plain = await world.app.inject({ method: 'GET', url: '/api/visits', headers: { cookie } });
    expect(plain.statusCode).toBe(200);
  });

  it('a download link (a named file) and the health check still open from a link', async () => {
    const csv = await world.app.inject({ method: 'GET', url: '/api/exports/outcomes.csv', headers: { ...TYPED, cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const health = await world.app.inject({ method: 'GET', url: '/api/health', headers: TYPED });
    expect(health.statusCode).toBe(200);
  });
});
