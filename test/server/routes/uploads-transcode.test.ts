import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { createServer } from '../../../src/server/create-server';
import type { MediaJob } from '../../../src/domain/media-uploads';
import { uploadMedia, waitForMediaJob } from '../../../src/sync/media-upload';
import { ApiFailure } from '../../../src/sync/transport';
import {
  ffprobeStreams,
  jobIdOf,
  listDir,
  makeMediaFixtures,
  sendFile,
  storedState,
  topLevelAtoms,
  waitForJob,
  type MediaFixtures,
} from '../../support/media-fixtures';
import { makeServerWorld, type ServerWorld } from '../../support/server-world';

describe('/api/uploads (tus) → ffmpeg: films and voices made ready one at a time', () => {
  let world: ServerWorld;
  let fixtures: MediaFixtures;
  let fixturesDir: string;
  let cookie: string;
  let baseUrl: string;
  let uploadsDir: string;

  beforeAll(async () => {
    fixturesDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-media-fixtures-'));
    [world, fixtures] = await Promise.all([makeServerWorld(), makeMediaFixtures(fixturesDir)]);
    cookie = await world.signIn();
    uploadsDir = path.join(world.dataDir, 'uploads');
    baseUrl = await world.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await world.close();
    await rm(fixturesDir, { recursive: true, force: true });
  });

  it('takes a real film through tus-js-client in chunks, and stores H.264/AAC MP4 at most 720p with its index first, and a poster', async () => {
    const grace = world.demo.carers.Grace!;
    const progress: number[] = [];
    const film = await readFile(fixtures.shortFilm);
    const sent = await uploadMedia({
      carerId: grace,
      kind: 'film',
      file: film,
      filename: 'grace.mp4',
      baseUrl,
      headers: { cookie },
      chunkSize: Math.ceil(film.length / 3),
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(1);

    const seen: MediaJob['state'][] = [];
    const job = await waitForMediaJob(sent.jobId, { baseUrl, headers: { cookie }, intervalMs: 50, onProgress: (j) => seen.push(j.state) });
    expect(job).toMatchObject({ state: 'done', kind: 'film', carerId: grace, progress: 1, uploadId: sent.uploadId });
    expect(seen.at(-1)).toBe('done');

    const [carer] = await world.db.query<{ film_sha256: string; poster_sha256: string; updated_at: Date }>(
      'select film_sha256, poster_sha256, updated_at from carers where id = $1',
      [grace],
    );
    expect(carer).toMatchObject({ film_sha256: job.resultSha256, poster_sha256: job.posterSha256 });
    const rows = await world.db.query<{ sha256: string; type: string; bytes: string }>(
      'select sha256, type, bytes from media where organisation_id = $1 and sha256 = any($2) order by type',
      [world.demo.organisationId, [job.resultSha256, job.posterSha256]],
    );
    expect(rows.map((r) => r.type)).toEqual(['image/jpeg', 'video/mp4']);

    const stored = path.join(world.mediaDir, job.resultSha256!);
    const streams = await ffprobeStreams(stored);
    const video = streams.find((s) => s.codec_type === 'video')!;
    expect(video.codec_name).toBe('h264');
    expect(video.height).toBeLessThanOrEqual(720);
    expect(video.width! % 2).toBe(0);
    expect(streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
    const atoms = topLevelAtoms(await readFile(stored));
    expect(atoms.indexOf('moov')).toBeGreaterThan(-1);
    expect(atoms.indexOf('moov')).toBeLessThan(atoms.indexOf('mdat'));

    const poster = await readFile(path.join(world.mediaDir, job.posterSha256!));
    expect(poster.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    // The original (the tus upload and its record) and the work files are gone.
    expect(await listDir(uploadsDir)).toEqual([]);
  });

  it('transcodes two films sent at once one after the other, never together', async () => {
    const [tom, bethan] = [world.demo.carers.Tom!, world.demo.carers.Bethan!];
    const answers = await Promise.all([
      sendFile(world.app, cookie, { carerId: tom, kind: 'film', filename: 'tom.mp4' }, fixtures.shortFilm),
      sendFile(world.app, cookie, { carerId: bethan, kind: 'film', filename: 'bethan.mp4' }, fixtures.shortFilm),
    ]);
    const ids = answers.map((a) => jobIdOf(a.finished));
    const jobs = await Promise.all(ids.map((id) => waitForJob(world.app, cookie, id)));
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done']);
    const [first, second] = [...jobs].sort((a, b) => a.startedAt!.localeCompare(b.startedAt!));
    expect(new Date(second!.startedAt!).getTime()).toBeGreaterThanOrEqual(new Date(first!.finishedAt!).getTime());
    // The same film for two carers: one file, each carer pointing at it.
    expect(first!.resultSha256).toMatch(/^[0-9a-f]{64}$/);
    const carers = await world.db.query<{ film_sha256: string }>('select film_sha256 from carers where id = any($1)', [[tom, bethan]]);
    expect(carers.map((c) => c.film_sha256).sort()).toEqual(jobs.map((j) => j.resultSha256).sort());
    expect(await listDir(uploadsDir)).toEqual([]);
  });

  it('makes a voice recording into AAC in MP4 and sets that section of the profile', async () => {
    const sam = world.demo.carers.Sam!;
    const sent = await uploadMedia({ carerId: sam, kind: 'voice-matters', file: await readFile(fixtures.voice), filename: 'matters.wav', baseUrl, headers: { cookie } });
    const job = await waitForMediaJob(sent.jobId, { baseUrl, headers: { cookie }, intervalMs: 50 });
    const [carer] = await world.db.query<{ voice_matters_sha256: string }>('select voice_matters_sha256 from carers where id = $1', [sam]);
    expect(carer!.voice_matters_sha256).toBe(job.resultSha256);
    const [row] = await world.db.query<{ type: string }>('select type from media where organisation_id = $1 and sha256 = $2', [
      world.demo.organisationId,
      job.resultSha256,
    ]);
    expect(row!.type).toBe('audio/mp4');
    const streams = await ffprobeStreams(path.join(world.mediaDir, job.resultSha256!));
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['audio:aac']);
  });

  it("gives the office's refusal to the tablet as an ApiFailure with its message", async () => {
    const failure = await uploadMedia({
      carerId: world.demo.carers.Grace!,
      kind: 'film',
      file: await readFile(fixtures.text),
      filename: 'film.mp4',
      baseUrl,
      headers: { cookie },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 422, code: 'invalid-file', message: expect.stringMatching(/film\.mp4 is not a film/) });
    expect(await listDir(uploadsDir)).toEqual([]);
  });

  it('marks the job failed in plain words when ffmpeg fails part-way, and keeps nothing of it', async () => {
    // The real ffmpeg for checking the upload, one that fails when asked to encode H.264.
    const failing = path.join(fixturesDir, 'ffmpeg-that-fails-to-encode');
    await writeFile(failing, '#!/bin/sh\ncase "$*" in *libx264*) echo "Conversion failed!" >&2; exit 1;; esac\nexec ffmpeg "$@"\n');
    await chmod(failing, 0o755);
    const config = loadConfig({ DATA_DIR: world.dataDir, STATIC_DIR: path.join(world.dataDir, 'no-build'), HEARTH_FFMPEG: failing });
    const app = await createServer({ db: world.db, config, mediaDir: world.mediaDir });
    try {
      const grace = world.demo.carers.Grace!;
      const dirs = { mediaDir: world.mediaDir, uploadsDir };
      const before = await storedState(world.db, dirs, grace);
      const { finished } = await sendFile(app, cookie, { carerId: grace, kind: 'film', filename: 'grace.mp4' }, fixtures.shortFilm);
      const job = await waitForJob(app, cookie, jobIdOf(finished));
      expect(job).toMatchObject({
        state: 'failed',
        error: { code: 'invalid-file', message: 'Hearth could not make this film ready: ffmpeg stopped part-way through it. Send it again; if that fails too, record it again.' },
      });
      expect(job.resultSha256).toBeUndefined();
      expect(await storedState(world.db, dirs, grace)).toEqual({ ...before, jobRows: before.jobRows + 1 });
    } finally {
      await app.close();
    }
  });

  it('when the server stops mid-transcode, stops ffmpeg and marks the job failed, asking for the film again', async () => {
    const slow = path.join(fixturesDir, 'ffmpeg-that-encodes-slowly');
    await writeFile(slow, '#!/bin/sh\ncase "$*" in *libx264*) exec sleep 30;; esac\nexec ffmpeg "$@"\n');
    await chmod(slow, 0o755);
    const config = loadConfig({ DATA_DIR: world.dataDir, STATIC_DIR: path.join(world.dataDir, 'no-build'), HEARTH_FFMPEG: slow });
    const app = await createServer({ db: world.db, config, mediaDir: world.mediaDir });
    const tom = world.demo.carers.Tom!;
    const [before] = await world.db.query('select film_sha256 from carers where id = $1', [tom]);
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      const { finished } = await sendFile(app, cookie, { carerId: tom, kind: 'film', filename: 'tom.mp4' }, fixtures.shortFilm);
      ids.push(jobIdOf(finished));
    }
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5000);
    const jobs = await world.db.query<{ state: string; error_message: string }>('select state, error_message from media_jobs where id = any($1)', [ids]);
    expect(jobs).toEqual([1, 2].map(() => ({ state: 'failed', error_message: 'The office server stopped before this film was ready. Send it again.' })));
    expect(await world.db.query('select film_sha256 from carers where id = $1', [tom])).toEqual([before]);
    expect(await listDir(uploadsDir)).toEqual([]);
  });
});
