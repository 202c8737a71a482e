import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../src/domain/api';
import type { UploadKind } from '../../src/domain/media-uploads';
import { detectMediaTools } from '../../src/server/media/media-tools';
import { createUpload, ffprobeStreams, jobIdOf, makeMediaFixtures, patchUpload, storedState, waitForJob, type StoredState } from '../support/media-fixtures';
import { makeServerWorld, type ServerWorld } from '../support/server-world';

const run = promisify(execFile);

/** ffmpeg makes the films of this corpus; without it the films are left out (the server then refuses every film anyway). */
const TOOLS = await detectMediaTools({ ffmpegPath: undefined, ffprobePath: undefined });

/** What the media route may ever answer with: never HTML, SVG or anything a browser would run. */
const SERVED_TYPES = new Set(['image/jpeg', 'video/mp4', 'audio/mp4', 'text/vtt', 'image/png']);
const ACTIVE_MARKERS = ['<script', '<html', '<svg', '<?php', '<!doctype', 'javascript:', 'onerror='];

type Expect = 'refused' | 'sanitised' | 'either';
interface Hostile {
  name: string;
  kind: UploadKind;
  filename: string;
  bytes: Buffer;
  expect: Expect;
}

const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/api/people").then(r=>r.text()).then(alert)</script></body></html>\n');
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>\n');

/** A real zip whose one entry inflates from about 20 KB to 20 MB of zeros. */
function zipBomb(): Buffer {
  const data = Buffer.alloc(20 * 1024 * 1024);
  const packed = deflateRawSync(data, { level: 9 });
  const name = Buffer.from('zeros.bin');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralAt = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

function bmp(): Buffer {
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + 4, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(1, 18);
  header.writeInt32LE(1, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  return Buffer.concat([header, Buffer.from([0, 0, 255, 0])]);
}

async function imageCorpus(fixtures: { gpsPhoto: string; png: string; hugePng: string; text: string; html: string }): Promise<Hostile[]> {
  const picture = sharp({ create: { width: 64, height: 48, channels: 3, background: '#36c' } });
  const [jpeg, webp, gif, tiff, png, gps, hugePng, text] = await Promise.all([
    picture.clone().jpeg().toBuffer(),
    picture.clone().webp().toBuffer(),
    picture.clone().gif().toBuffer(),
    picture.clone().tiff().toBuffer(),
    readFile(fixtures.png),
    readFile(fixtures.gpsPhoto),
    readFile(fixtures.hugePng),
    readFile(fixtures.text),
  ]);
  // A JPEG comment (COM marker) carrying a script, right after the start of image.
  const comment = Buffer.from('<script>alert(1)</script>', 'latin1');
  const commentLength = Buffer.alloc(2);
  commentLength.writeUInt16BE(comment.length + 2);
  const jpegWithComment = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), commentLength, comment, jpeg.subarray(2)]);
  const photo = (name: string, filename: string, bytes: Buffer, expected: Expect): Hostile => ({ name, kind: 'photo', filename, bytes, expect: expected });
  return [
    photo('HTML named .jpg', 'photo.jpg', HTML, 'refused'),
    photo('SVG with a script', 'photo.svg', SVG, 'refused'),
    photo('SVG with a script named .png', 'photo.png', SVG, 'refused'),
    photo('PHP named .jpg', 'shell.php.jpg', Buffer.from('<?php system($_GET["c"]); ?>\n'), 'refused'),
    photo('JavaScript named .png', 'photo.png', Buffer.from('alert(document.cookie);\n'), 'refused'),
    photo('XHTML with a script', 'photo.jpg', Buffer.from('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'), 'refused'),
    photo('polyglot: a valid JPEG with HTML after it', 'photo.jpg', Buffer.concat([jpeg, HTML]), 'sanitised'),
    photo('polyglot: HTML with a JPEG after it', 'photo.jpg', Buffer.concat([HTML, jpeg]), 'refused'),
    photo('JPEG with a script in its comment', 'photo.jpg', jpegWithComment, 'sanitised'),
    photo('WebP with a script after it', 'photo.webp', Buffer.concat([webp, Buffer.from('<script>alert(1)</script>')]), 'sanitised'),
    photo('PNG with HTML after its end', 'photo.png', Buffer.concat([png, HTML]), 'sanitised'),
    photo('JPEG with EXIF GPS', 'holiday.jpg', gps, 'sanitised'),
    photo('PNG claiming 30000 × 30000 pixels', 'huge.png', hugePng, 'refused'),
    photo('zip bomb', 'photo.jpg', zipBomb(), 'refused'),
    photo('truncated JPEG', 'cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'either'),
    photo('truncated PNG', 'cut.png', png.subarray(0, Math.floor(png.length / 2)), 'either'),
    photo('JPEG magic then garbage', 'photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]), 'refused'),
    photo('GIF', 'photo.gif', gif, 'refused'),
    photo('TIFF', 'photo.tiff', tiff, 'refused'),
    photo('BMP', 'photo.bmp', bmp(), 'refused'),
    photo('Windows program named .jpg', 'setup.exe.jpg', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(200)]), 'refused'),
    photo('PDF with JavaScript', 'photo.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), 'refused'),
    photo('plain text', 'photo.jpg', text, 'refused'),
    photo('HTML with a filename that is itself HTML', '<img src=x onerror=alert(1)>.jpg', HTML, 'refused'),
    photo('a filename that climbs directories', '../../../../etc/passwd.jpg', jpeg, 'sanitised'),
    { name: 'HTML as a voice recording', kind: 'voice-appreciated', filename: 'voice.m4a', bytes: HTML, expect: 'refused' },
    { name: 'JPEG as a film', kind: 'film', filename: 'film.mp4', bytes: jpeg, expect: 'refused' },
    { name: 'SVG as a film', kind: 'film', filename: 'film.mp4', bytes: SVG, expect: 'refused' },
  ];
}

async function filmCorpus(dir: string, fixtures: { shortFilm: string; truncatedFilm: string; voice: string }): Promise<Hostile[]> {
  const ffmpeg = (...args: string[]) => run('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args]);
  const file = (name: string) => path.join(dir, name);
  await Promise.all([
    // Two hours made cheaply: one frame every ten minutes.
    ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=32x24:rate=1/600:duration=7200', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file('two-hours.mp4')),
    // Not H.264: MPEG-4 Part 2 video and MP3 sound in an MP4 box.
    ffmpeg(...['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'], '-c:v', 'mpeg4', '-c:a', 'libmp3lame', '-shortest', file('mpeg4.mp4')),
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', file('sound-only.mp4')),
    // A film with its title and a chapter carrying a script, and a subtitle stream of HTML.
    ffmpeg(
      ...['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-metadata', 'title=<script>alert(1)</script>', '-metadata', 'comment=<html>'],
      file('metadata.mp4'),
    ),
  ]);
  const [short, truncated, twoHours, mpeg4, soundOnly, metadata, voice] = await Promise.all([
    readFile(fixtures.shortFilm),
    readFile(fixtures.truncatedFilm),
    readFile(file('two-hours.mp4')),
    readFile(file('mpeg4.mp4')),
    readFile(file('sound-only.mp4')),
    readFile(file('metadata.mp4')),
    readFile(fixtures.voice),
  ]);
  const film = (name: string, bytes: Buffer, expected: Expect, filename = 'film.mp4'): Hostile => ({ name, kind: 'film', filename, bytes, expect: expected });
  return [
    film('a two-hour film', twoHours, 'refused'),
    film('truncated MP4', truncated, 'refused'),
    film('MP4 cut to its first kilobyte', short.subarray(0, 1024), 'refused'),
    film('MP4 with the wrong codecs (MPEG-4 Part 2, MP3)', mpeg4, 'sanitised'),
    film('MP4 with sound only', soundOnly, 'refused'),
    film('MP4 with a script in its metadata', metadata, 'sanitised'),
    film('MP4 with HTML after it', Buffer.concat([short, HTML]), 'either'),
    film('WAV as a film', voice, 'refused', 'film.wav'),
    { name: 'a film as a voice recording (its picture dropped)', kind: 'voice-matters', filename: 'voice.mp4', bytes: short, expect: 'sanitised' },
  ];
}

describe('B2 upload-corpus: hostile files are refused or re-encoded, and nothing is served as active content', () => {
  let world: ServerWorld;
  let cookie: string;
  let dir: string;
  let uploadsDir: string;
  let corpus: Hostile[];
  let grace: string;
  const verdicts: { name: string; verdict: 'refused' | 'sanitised'; status: number }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-hostile-'));
    world = await makeServerWorld();
    cookie = await world.signIn();
    uploadsDir = path.join(world.dataDir, 'uploads');
    grace = world.demo.carers.Grace!;
    if (TOOLS) {
      const fixtures = await makeMediaFixtures(dir);
      corpus = [...(await imageCorpus(fixtures)), ...(await filmCorpus(dir, fixtures))];
    } else {
      console.log('media-upload: films left out of the corpus: ffmpeg/ffprobe are not installed on this machine (sudo apt-get install -y ffmpeg)');
      const photoOnly = { gpsPhoto: path.join(dir, 'gps.jpg'), png: path.join(dir, 'small.png'), hugePng: path.join(dir, 'huge.png'), text: path.join(dir, 'hello.txt'), html: path.join(dir, 'page.html') };
      await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3a7' } })
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 48/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '3/1 3/1 0/1' } })
        .jpeg()
        .toFile(photoOnly.gpsPhoto);
      await sharp({ create: { width: 32, height: 24, channels: 3, background: '#a35' } }).png().toFile(photoOnly.png);
      await writeFile(photoOnly.hugePng, Buffer.alloc(0));
      await writeFile(photoOnly.text, 'hello\n');
      await writeFile(photoOnly.html, HTML);
      corpus = (await imageCorpus(photoOnly)).filter((c) => c.kind === 'photo' && c.name !== 'PNG claiming 30000 × 30000 pixels');
    }
  }, 120_000);
  afterAll(async () => {
    await world.close();
    await rm(dir, { recursive: true, force: true });
  });

  const state = () => storedState(world.db, { mediaDir: world.mediaDir, uploadsDir }, grace);

  async function fetchMedia(sha256: string) {
    const response = await world.app.inject({ method: 'GET', url: `/api/media/${sha256}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return { type: String(response.headers['content-type']), nosniff: response.headers['x-content-type-options'], body: response.rawPayload };
  }

  it('has at least 30 hostile files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(TOOLS ? 30 : 20);
  });

  it('refuses each with a clear 4xx and nothing kept, or re-encodes it: never served as HTML or SVG, no EXIF GPS left', async () => {
    const problems: string[] = [];
    for (const hostile of corpus) {
      const before: StoredState = await state();
      const rssBefore = process.memoryUsage().rss;
      const created = await createUpload(world.app, cookie, { carerId: grace, kind: hostile.kind, filename: hostile.filename }, hostile.bytes.length);
      const finished = created.statusCode === 201 ? await patchUpload(world.app, cookie, String(created.headers.location), hostile.bytes) : null;
      const answer = finished ?? created;
      const where = `${hostile.name} → ${answer.statusCode}`;
      const grewMb = (process.memoryUsage().rss - rssBefore) / (1024 * 1024);
      if (grewMb > 300) problems.push(`${where}: the server's memory grew by ${Math.round(grewMb)} MB`);

      if (answer.statusCode >= 400) {
        verdicts.push({ name: hostile.name, verdict: 'refused', status: answer.statusCode });
        if (hostile.expect === 'sanitised') problems.push(`${where}: expected it to be re-encoded: ${answer.body}`);
        if (answer.statusCode >= 500) problems.push(`${where}: a server error`);
        const error = ApiErrorSchema.safeParse(JSON.parse(answer.body || 'null'));
        if (!error.success || error.data.error.message.length < 10) problems.push(`${where}: no clear message: ${answer.body}`);
        const after = await state();
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${where}: left something behind: ${JSON.stringify({ before, after })}`);
        continue;
      }

      // Accepted: what is stored and served must be a fresh encoding of the picture or film, and nothing else.
      const job = await waitForJob(world.app, cookie, jobIdOf(finished), 60_000);
      if (job.state === 'failed') {
        verdicts.push({ name: hostile.name, verdict: 'refused', status: 422 });
        if (hostile.expect === 'sanitised') problems.push(`${where}: the job failed: ${JSON.stringify(job.error)}`);
        if (!job.error || job.error.message.length < 10) problems.push(`${where}: failed without a clear message`);
        continue;
      }
      verdicts.push({ name: hostile.name, verdict: 'sanitised', status: answer.statusCode });
      if (hostile.expect === 'refused') problems.push(`${where}: expected a refusal, but it was stored`);
      for (const sha256 of [job.resultSha256, job.posterSha256].filter((s): s is string => s !== undefined)) {
        const served = await fetchMedia(sha256);
        if (!SERVED_TYPES.has(served.type)) problems.push(`${where}: served as ${served.type}`);
        if (served.nosniff !== 'nosniff') problems.push(`${where}: served without X-Content-Type-Options: nosniff`);
        if (served.body.equals(hostile.bytes)) problems.push(`${where}: stored exactly as sent, not re-encoded`);
        const text = served.body.toString('latin1').toLowerCase();
        for (const marker of ACTIVE_MARKERS) if (text.includes(marker)) problems.push(`${where}: the stored file still holds ${marker}`);
        if (served.type === 'image/jpeg') {
          const meta = await sharp(served.body).metadata();
          if (meta.exif !== undefined) problems.push(`${where}: the stored photo still has EXIF`);
          if (text.includes('gps')) problems.push(`${where}: the stored photo mentions GPS`);
        }
        if (served.type === 'video/mp4' && TOOLS) {
          const file = path.join(dir, `served-${sha256}.mp4`);
          await writeFile(file, served.body);
          const streams = await ffprobeStreams(file);
          const video = streams.find((s) => s.codec_type === 'video');
          if (video && video.codec_name !== 'h264') problems.push(`${where}: the stored film is ${video.codec_name}, not H.264`);
          if (streams.some((s) => s.codec_type === 'audio' && s.codec_name !== 'aac')) problems.push(`${where}: the stored film's sound is not AAC`);
        }
      }
      const after = await state();
      if (after.uploadFiles.length > 0) problems.push(`${where}: upload files left behind: ${after.uploadFiles.join(', ')}`);
    }

    const refused = verdicts.filter((v) => v.verdict === 'refused').length;
    console.log(JSON.stringify({ files: corpus.length, refused, sanitised: verdicts.length - refused, problems: problems.length, films: TOOLS ? 'included' : 'left out: no ffmpeg' }));
    expect(problems).toEqual([]);
    expect(verdicts.length).toBe(corpus.length);
  }, 300_000);

  it('refuses hostile protocol: a huge or nonsense Upload-Length, a wrong Content-Type, more bytes than declared', async () => {
    const before = await state();
    const metadata = { carerId: grace, kind: 'photo', filename: 'photo.jpg' };
    const huge = await createUpload(world.app, cookie, metadata, 10 ** 14);
    expect(huge.statusCode).toBe(413);
    for (const length of ['-1', '1e9', '99999999999999999999', 'abc', '']) {
      const response = await world.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { cookie, 'tus-resumable': '1.0.0', 'upload-length': length, 'upload-metadata': `carerId ${Buffer.from(grace).toString('base64')},kind cGhvdG8=,filename cC5qcGc=` },
      });
      expect(response.statusCode, `Upload-Length ${length}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `Upload-Length ${length}`).toBeLessThan(500);
    }

    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer();
    const created = await createUpload(world.app, cookie, metadata, jpeg.length);
    expect(created.statusCode).toBe(201);
    const location = String(created.headers.location);
    for (const contentType of ['text/html', 'image/svg+xml', 'application/json', 'image/jpeg']) {
      const wrong = await world.app.inject({
        method: 'PATCH',
        url: location,
        headers: { cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': contentType },
        payload: contentType === 'application/json' ? '{"a":1}' : jpeg,
      });
      expect(wrong.statusCode, contentType).toBeGreaterThanOrEqual(400);
      expect(wrong.statusCode, contentType).toBeLessThan(500);
    }
    const tooMuch = await patchUpload(world.app, cookie, location, Buffer.concat([jpeg, HTML]));
    expect(tooMuch.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooMuch.statusCode).toBeLessThan(500);
    const gone = await world.app.inject({ method: 'DELETE', url: location, headers: { cookie, 'tus-resumable': '1.0.0' } });
    expect(gone.statusCode).toBeLessThan(500);

    expect({ ...(await state()), uploadFiles: [] }).toEqual({ ...before, uploadFiles: [] });
    expect((await state()).uploadFiles).toEqual([]);
  });

  it('serves every stored file with a safe type and nosniff, and the database holds no active type', async () => {
    const rows = await world.db.query<{ sha256: string; type: string }>(
      'select sha256, type from media where organisation_id = $1',
      [world.demo.organisationId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(SERVED_TYPES.has(row.type), `${row.sha256} is stored as ${row.type}`).toBe(true);
      const served = await fetchMedia(row.sha256);
      expect(SERVED_TYPES.has(served.type.split(';')[0]!), served.type).toBe(true);
      expect(served.nosniff).toBe('nosniff');
    }
  });
});
