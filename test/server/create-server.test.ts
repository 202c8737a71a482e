import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, HealthSchema } from '../../src/domain/api';
import { makeServerWorld, type ServerWorld } from '../support/server-world';

describe('createServer', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  it('answers the health check without a session, never cached', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(HealthSchema.parse(response.json())).toEqual({ ok: true });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 413 with a clear message for a body over 1 MB, even before signing in', async () => {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'a@b.test', password: 'x'.repeat(1_100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(ApiErrorSchema.parse(response.json()).error.message).toBe(
      'The request is too large: Hearth accepts at most 1 MB at a time. Send fewer events at once.',
    );
  });

  it('answers a body that is not JSON with a 4xx, not a server error', async () => {
    const text = await world.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(text.json()).error.message).toBe('The request must be an object.');

    const xml = await world.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(ApiErrorSchema.parse(xml.json()).error.message).toMatch(/as JSON/);
  });

  it('answers a method the API does not have with a JSON 404', async () => {
    const response = await world.app.inject({ method: 'PUT', url: '/api/visits' });
    expect(response.statusCode).toBe(404);
    expect(ApiErrorSchema.parse(response.json()).error.code).toBe('not-found');
  });
});
