import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { loadConfig } from '../../../src/server/config';
import { createServer } from '../../../src/server/create-server';
import { DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import {
  createUpload,
  getJob,
  jobIdOf,
  makeMediaFixtures,
  patchUpload,
  sendFile,
  storedState,
  type MediaFixtures,
  type StoredState,
} from '../../support/media-fixtures';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

const MB = 1024 * 1024;

describe('/api/uploads (tus): what the office refuses, and photos', () => {
  let world: ServerWorld;
  let fixtures: MediaFixtures;
  let fixturesDir: string;
  let cookie: string;
  let uploadsDir: string;
  let sam: string;
  let grace: string;

  beforeAll(async () => {
    fixturesDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-media-fixtures-'));
    [world, fixtures] = await Promise.all([makeServerWorld(), makeMediaFixtures(fixturesDir)]);
    cookie = await world.signIn();
    uploadsDir = path.join(world.dataDir, 'uploads');
    sam = world.demo.carers.Sam!;
    grace = world.demo.carers.Grace!;
  });
  afterAll(async () => {
    await world.close();
    await rm(fixturesDir, { recursive: true, force: true });
  });

  const state = (carerId = grace) => storedState(world.db, { mediaDir: world.mediaDir, uploadsDir }, carerId);
  const errorOf = (body: string) => ApiErrorSchema.parse(JSON.parse(body)).error;

  /** Sends the file for Grace and expects a refusal of the whole upload, with nothing kept anywhere. */
  async function expectRefused(kind: string, filename: string, file: string, status: number, code: string, message: RegExp): Promise<void> {
    const before: StoredState = await state();
    const { created, finished } = await sendFile(world.app, cookie, { carerId: grace, kind, filename }, file);
    const answer = finished ?? created;
    expect(answer.statusCode, answer.body).toBe(status);
    expect(errorOf(answer.body)).toEqual({ code, message: expect.stringMatching(message) });
    expect(await state()).toEqual(before);
  }

  describe('films judged by their content', () => {
    it('refuses a PNG picture named film.mp4', async () => {
      await expectRefused('film', 'film.mp4', fixtures.png, 422, 'invalid-file', /film\.mp4 is not a film: its content is a PNG file/);
    });

    it('refuses a text file renamed film.mp4', async () => {
      await expectRefused('film', 'film.mp4', fixtures.text, 422, 'invalid-file', /film\.mp4 is not a film\. Record the film again/);
    });

    it('refuses a film of 91 seconds, saying how long it is and the limit', async () => {
      await expectRefused('film', 'long.mp4', fixtures.longFilm, 422, 'film-too-long', /This film is 91 seconds long; the limit is 90 seconds/);
    });

    it('refuses the first half of a real MP4 (its index at the front, so its header still reads)', async () => {
      await expectRefused('film', 'cut.mp4', fixtures.truncatedFilm, 422, 'invalid-file', /cut\.mp4 is damaged or cut short/);
    });

    it('refuses 600 MB at the start, before any bytes are sent', async () => {
      const before = await state();
      const response = await createUpload(world.app, cookie, { carerId: grace, kind: 'film', filename: 'big.mp4' }, 600 * MB);
      expect(response.statusCode).toBe(413);
      expect(errorOf(response.body)).toEqual({ code: 'file-too-large', message: 'This film is 600 MB; Hearth takes at most 500 MB. Choose a shorter or smaller file.' });
      expect(response.headers.location).toBeUndefined();
      expect(await state()).toEqual(before);
    });

    it('refuses metadata that is not what an upload needs, and an upload without a length', async () => {
      const bad = await createUpload(world.app, cookie, { carerId: grace, kind: 'selfie', filename: 'x.mp4' }, 1000);
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad.body).message).toMatch(/kind: must be one of: film, photo, voice-appreciated, voice-matters/);
      const noLength = await world.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { cookie, 'tus-resumable': '1.0.0', 'upload-defer-length': '1', 'upload-metadata': 'kind ZmlsbQ==' },
      });
      expect(noLength.statusCode).toBe(400);
    });

    it('refuses a __proto__ key in the metadata with a 400, rather than dropping it silently', async () => {
      const before = await state();
      const b64 = (text: string) => Buffer.from(text).toString('base64');
      const response = await world.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: {
          cookie,
          'tus-resumable': '1.0.0',
          'upload-length': '1000',
          'upload-metadata': `carerId ${b64(grace)},kind ${b64('photo')},filename ${b64('photo.jpg')},__proto__ ${b64('{"polluted":true}')}`,
        },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response.body)).toEqual({ code: 'invalid-request', message: expect.stringMatching(/metadata .* __proto__/) });
      expect(response.headers.location).toBeUndefined();
      expect(await state()).toEqual(before);
    });
  });

  describe('photos', () => {
    it('stores a photo upright, at most 800 pixels a side, as JPEG with no EXIF at all (no GPS)', async () => {
      const input = await sharp(fixtures.gpsPhoto).metadata();
      expect(input.orientation).toBe(6);
      expect(input.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer (tag 0x8825)

      const { created, finished } = await sendFile(world.app, cookie, { carerId: grace, kind: 'photo', filename: 'me.jpg' }, fixtures.gpsPhoto);
      expect(created.statusCode).toBe(201);
      expect(finished!.statusCode, finished!.body).toBe(204);
      expect(finished!.headers['cache-control']).toBe('no-store');
      const job = await getJob(world.app, cookie, jobIdOf(finished));
      expect(job).toMatchObject({ state: 'done', kind: 'photo', carerId: grace, progress: 1 });

      const [carer] = await world.db.query<{ photo_sha256: string }>('select photo_sha256 from carers where id = $1', [grace]);
      expect(carer!.photo_sha256).toBe(job.resultSha256);
      const [row] = await world.db.query<{ type: string }>('select type from media where organisation_id = $1 and sha256 = $2', [
        world.demo.organisationId,
        job.resultSha256,
      ]);
      expect(row!.type).toBe('image/jpeg');

      const stored = await readFile(path.join(world.mediaDir, job.resultSha256!));
      const output = await sharp(stored).metadata();
      expect(output).toMatchObject({ format: 'jpeg', width: 600, height: 800 });
      expect(output.exif).toBeUndefined();
      expect(output.orientation).toBeUndefined();
      expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
      expect(stored.includes(Buffer.from('Hearth test', 'latin1'))).toBe(false);
      expect((await state()).uploadFiles).toEqual([]);
    });

    it('refuses a PNG whose header says 30000 × 30000 pixels, without decoding it', async () => {
      await expectRefused('photo', 'huge.png', fixtures.hugePng, 422, 'invalid-file', /30000 × 30000 pixels.*up to 40 megapixels/);
    });

    it('refuses an HTML page named photo.jpg', async () => {
      await expectRefused('photo', 'photo.jpg', fixtures.html, 422, 'invalid-file', /photo\.jpg is not a photo/);
    });

    it('refuses a photo over 20 MB at the start', async () => {
      const response = await createUpload(world.app, cookie, { carerId: grace, kind: 'photo', filename: 'big.jpg' }, 21 * MB);
      expect(response.statusCode).toBe(413);
      expect(errorOf(response.body).message).toMatch(/at most 20 MB/);
    });
  });

  describe('who may upload for whom', () => {
    it('needs a session', async () => {
      const response = await createUpload(world.app, '', { carerId: grace, kind: 'photo', filename: 'a.png' }, 100);
      expect(response.statusCode).toBe(401);
    });

    it('lets a care worker upload for their own carer only', async () => {
      const careWorker = await world.signIn(DEMO_CARE_WORKER);
      const before = await state();
      const other = await createUpload(world.app, careWorker, { carerId: grace, kind: 'photo', filename: 'a.png' }, 100);
      expect(other.statusCode).toBe(403);
      expect(errorOf(other.body)).toEqual({ code: 'not-allowed', message: 'A care worker can add a film, photo or recording only to their own profile.' });
      expect(await state()).toEqual(before);

      const { finished } = await sendFile(world.app, careWorker, { carerId: sam, kind: 'photo', filename: 'me.png' }, fixtures.png);
      expect(finished!.statusCode, finished!.body).toBe(204);
      expect((await getJob(world.app, careWorker, jobIdOf(finished))).state).toBe('done');
    });

    it("answers 404 for another organisation's carer, and for its uploads", async () => {
      const before = await state();
      const response = await createUpload(world.app, cookie, { carerId: world.other.carers.Sam!, kind: 'photo', filename: 'a.png' }, 100);
      expect(response.statusCode).toBe(404);
      expect(errorOf(response.body).message).toBe('There is no such care worker in your organisation.');

      const otherCookie = await world.signIn(OTHER_ORGANISER);
      const png = await readFile(fixtures.png);
      const theirs = await createUpload(world.app, otherCookie, { carerId: world.other.carers.Sam!, kind: 'photo', filename: 'a.png' }, png.length);
      expect(theirs.statusCode).toBe(201);
      const location = String(theirs.headers.location);
      expect((await patchUpload(world.app, cookie, location, png)).statusCode).toBe(404);
      expect((await world.app.inject({ method: 'HEAD', url: location, headers: { cookie, 'tus-resumable': '1.0.0' } })).statusCode).toBe(404);
      expect(await state()).toMatchObject({ mediaRows: before.mediaRows, carer: before.carer, mediaFiles: before.mediaFiles });
      await world.app.inject({ method: 'DELETE', url: location, headers: { cookie: otherCookie, 'tus-resumable': '1.0.0' } });
      expect((await state()).uploadFiles).toEqual([]);
    });

    it('resumes: HEAD says how many bytes arrived, and the rest completes the upload', async () => {
      const png = await readFile(fixtures.png);
      const created = await createUpload(world.app, cookie, { carerId: grace, kind: 'photo', filename: 'b.png' }, png.length);
      const location = String(created.headers.location);
      expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
      expect((await patchUpload(world.app, cookie, location, png.subarray(0, 40))).headers['upload-offset']).toBe('40');
      const head = await world.app.inject({ method: 'HEAD', url: location, headers: { cookie, 'tus-resumable': '1.0.0' } });
      expect(head.headers['upload-offset']).toBe('40');
      expect(head.headers['cache-control']).toBe('no-store');
      const rest = await patchUpload(world.app, cookie, location, png.subarray(40), 40);
      expect(rest.statusCode, rest.body).toBe(204);
      const uploadId = location.split('/').pop();
      const byUpload = await world.app.inject({ method: 'GET', url: `/api/media-jobs?uploadId=${uploadId}`, headers: { cookie } });
      expect(byUpload.json()).toMatchObject({ id: jobIdOf(rest), state: 'done', uploadId });
    });
  });

  describe('without ffmpeg on the machine', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      const config = loadConfig({ DATA_DIR: world.dataDir, STATIC_DIR: path.join(world.dataDir, 'no-build'), HEARTH_FFMPEG: path.join(world.dataDir, 'no-such-ffmpeg') });
      app = await createServer({ db: world.db, config, mediaDir: world.mediaDir });
    });
    afterAll(() => app.close());

    it('refuses films (and voices) at the start, saying how to install ffmpeg', async () => {
      const before = await state();
      for (const kind of ['film', 'voice-matters']) {
        const response = await createUpload(app, cookie, { carerId: grace, kind, filename: 'a.mp4' }, 1000);
        expect(response.statusCode).toBe(503);
        const error = errorOf(response.body);
        expect(error.code).toBe('ffmpeg-missing');
        expect(error.message).toMatch(/no ffmpeg.*apt-get install -y ffmpeg.*brew install ffmpeg/);
      }
      expect(await state()).toEqual(before);
    });

    it('still takes photos', async () => {
      const { finished } = await sendFile(app, cookie, { carerId: grace, kind: 'photo', filename: 'me.png' }, fixtures.png);
      expect(finished!.statusCode, finished!.body).toBe(204);
      const job = await getJob(app, cookie, jobIdOf(finished));
      expect(job.state).toBe('done');
      const [carer] = await world.db.query<{ photo_sha256: string }>('select photo_sha256 from carers where id = $1', [grace]);
      expect(carer!.photo_sha256).toBe(job.resultSha256);
    });
  });
});
