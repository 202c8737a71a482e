import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VisitPackSchema, type PackFile } from '../../../src/domain/visits';
import { FAKE_FILM_BYTES, fakeBytes, storeTestMedia } from '../../support/server-media';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('/api/media/:sha256', () => {
  let world: ServerWorld;
  let cookie: string;
  let film: PackFile;
  let filmBytes: Buffer;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    const pack = VisitPackSchema.parse(
      (await world.app.inject({ method: 'GET', url: `/api/visits/${world.demo.visits.Hilda}/pack`, headers: { cookie } })).json(),
    );
    film = pack.files.find((f) => f.type === 'video/mp4')!;
    filmBytes = await readFile(path.join(world.mediaDir, film.sha256));
  });
  afterAll(() => world.close());

  const get = (sha256: string, headers: Record<string, string> = {}) =>
    world.app.inject({ method: 'GET', url: `/api/media/${sha256}`, headers: { cookie, ...headers } });

  it('sends the whole file with its type, size and caching headers', async () => {
    const response = await get(film.sha256);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(FAKE_FILM_BYTES),
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
      etag: `"${film.sha256}"`,
    });
    expect(response.rawPayload.equals(filmBytes)).toBe(true);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=1000-1999', 1000, 1999],
    [`bytes=${FAKE_FILM_BYTES - 10}-`, FAKE_FILM_BYTES - 10, FAKE_FILM_BYTES - 1],
    ['bytes=-500', FAKE_FILM_BYTES - 500, FAKE_FILM_BYTES - 1],
    [`bytes=100-${FAKE_FILM_BYTES + 1000}`, 100, FAKE_FILM_BYTES - 1],
  ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
    const response = await get(film.sha256, { range });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${FAKE_FILM_BYTES}`);
    expect(response.headers['content-length']).toBe(String(end - start + 1));
    expect(response.rawPayload.equals(filmBytes.subarray(start, end + 1))).toBe(true);
  });

  it('resumes from any offset: each `bytes=<received>-` answer is 206 with the rest, and the parts make the whole file', async () => {
    const parts: Buffer[] = [];
    let received = 0;
    // The connection drops after each of these bytes; the tablet keeps what came and asks for the rest.
    for (const cut of [1, 65_537, FAKE_FILM_BYTES - 1, FAKE_FILM_BYTES]) {
      const response = await get(film.sha256, received === 0 ? {} : { range: `bytes=${received}-` });
      expect(response.statusCode).toBe(received === 0 ? 200 : 206);
      if (received > 0) expect(response.headers['content-range']).toBe(`bytes ${received}-${FAKE_FILM_BYTES - 1}/${FAKE_FILM_BYTES}`);
      expect(response.rawPayload.length).toBe(FAKE_FILM_BYTES - received);
      parts.push(response.rawPayload.subarray(0, cut - received));
      received = cut;
    }
    expect(Buffer.concat(parts).equals(filmBytes)).toBe(true);
  });

  it('answers a range past the end with 416 and the real size', async () => {
    for (const range of [`bytes=${FAKE_FILM_BYTES}-`, 'bytes=-0']) {
      const response = await get(film.sha256, { range });
      expect(response.statusCode).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${FAKE_FILM_BYTES}`);
      expect(response.json().error.code).toBe('range-not-satisfiable');
    }
  });

  it('sends the whole file for a range header it cannot read', async () => {
    const response = await get(film.sha256, { range: 'bytes=0-1,5-9' });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBe(FAKE_FILM_BYTES);
  });

  it("answers 404 for a file that belongs only to another organisation, though it is on disk", async () => {
    const secret = await storeTestMedia(world.db, world.mediaDir, world.other.organisationId, 'secret.png', fakeBytes('secret', 500));
    expect((await get(secret)).statusCode).toBe(404);

    const otherCookie = await world.signIn(OTHER_ORGANISER);
    const own = await world.app.inject({ method: 'GET', url: `/api/media/${secret}`, headers: { cookie: otherCookie } });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(fakeBytes('secret', 500))).toBe(true);
  });

  it('answers 404, never a file, for ids that are not SHA-256 digests', async () => {
    for (const id of ['..%2f..%2fetc%2fpasswd', '..%2F..%2Fpglite', '%2e%2e', 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(64)]) {
      const response = await get(id);
      expect(response.statusCode, id).toBe(404);
      expect(response.json().error.code).toBe('not-found');
    }
    // The URL is normalised to /etc/passwd before routing: the app's page, not the file.
    const traversal = await world.app.inject({ method: 'GET', url: '/api/media/../../etc/passwd', headers: { cookie } });
    expect(traversal.body).not.toContain('root:');
  });
});
