import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { MEDIA_JOB_HEADER, MediaJobSchema, type MediaJob } from '../../src/domain/media-uploads';
import type { Db } from '../../src/server/database/db';

const run = promisify(execFile);

/** Real media made at test time with ffmpeg and sharp: tiny, so the whole set takes about a second. */
export interface MediaFixtures {
  /** 2 s, 160×120, H.264 + AAC, index at the end (as cameras write it). */
  shortFilm: string;
  /** The same film with its index at the front, then cut in half: ffprobe still reads its header. */
  truncatedFilm: string;
  /** 91 s at 64×48 and 1 frame a second: one second over the limit. */
  longFilm: string;
  /** 2 s of sine tone as WAV, like a voice recording. */
  voice: string;
  /** A 1200×900 JPEG carrying GPS EXIF and EXIF orientation 6 (turn 90° clockwise to show). */
  gpsPhoto: string;
  /** A small, ordinary PNG. */
  png: string;
  /** A PNG whose header says 30000×30000 pixels (900 megapixels) with only a few rows of data. */
  hugePng: string;
  /** "hello" in a text file. */
  text: string;
  /** An HTML page. */
  html: string;
}

export async function makeMediaFixtures(dir: string): Promise<MediaFixtures> {
  await mkdir(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const ffmpeg = (...args: string[]) => run('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args]);

  const made = {
    shortFilm: file('short.mp4'),
    truncatedFilm: file('truncated.mp4'),
    longFilm: file('long.mp4'),
    voice: file('voice.wav'),
    gpsPhoto: file('gps.jpg'),
    png: file('small.png'),
    hugePng: file('huge.png'),
    text: file('hello.txt'),
    html: file('page.html'),
  };
  const faststart = file('faststart.mp4');
  await Promise.all([
    ffmpeg(
      ...['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=15:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', made.shortFilm],
    ).then(() => ffmpeg('-i', made.shortFilm, '-c', 'copy', '-movflags', '+faststart', faststart)),
    ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=1:duration=91', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', made.longFilm),
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', made.voice),
    sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3a7' } })
      .withExif({
        IFD0: { Copyright: 'Hearth test' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 48/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '3/1 3/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toFile(made.gpsPhoto),
    sharp({ create: { width: 32, height: 24, channels: 3, background: '#a35' } }).png().toFile(made.png),
    writeFile(made.hugePng, hugePngBytes(30_000, 30_000)),
    writeFile(made.text, 'hello\n'),
    writeFile(made.html, '<!doctype html><html><head><title>Not a photo</title></head><body><p>Hello</p></body></html>\n'),
  ]);
  const whole = await readFile(faststart);
  await writeFile(made.truncatedFilm, whole.subarray(0, Math.floor(whole.length / 2)));
  return made;
}

/** A valid PNG header for a grey image of width × height, with compressed data for only its first rows. */
function hugePngBytes(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

/** The MP4's top-level boxes in file order, e.g. ['ftyp', 'moov', 'free', 'mdat'] for a faststart file. */
export function topLevelAtoms(mp4: Buffer): string[] {
  const atoms: string[] = [];
  let offset = 0;
  while (offset + 8 <= mp4.length) {
    let size = mp4.readUInt32BE(offset);
    const type = mp4.toString('latin1', offset + 4, offset + 8);
    if (size === 1) size = Number(mp4.readBigUInt64BE(offset + 8));
    if (size === 0) size = mp4.length - offset;
    if (size < 8) break;
    atoms.push(type);
    offset += size;
  }
  return atoms;
}

export async function ffprobeStreams(file: string): Promise<{ codec_type: string; codec_name: string; width?: number; height?: number }[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file]);
  return (JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string; width?: number; height?: number }[] }).streams;
}

export async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** Everything an upload could change: to show that a refused one changed nothing. */
export interface StoredState {
  mediaRows: number;
  jobRows: number;
  carer: Record<string, unknown>;
  mediaFiles: string[];
  uploadFiles: string[];
}

export async function storedState(db: Db, dirs: { mediaDir: string; uploadsDir: string }, carerId: string): Promise<StoredState> {
  const [media] = await db.query<{ n: number }>('select count(*)::int as n from media');
  const [jobs] = await db.query<{ n: number }>('select count(*)::int as n from media_jobs');
  const [carer] = await db.query('select * from carers where id = $1', [carerId]);
  return {
    mediaRows: media!.n,
    jobRows: jobs!.n,
    carer: carer!,
    mediaFiles: await listDir(dirs.mediaDir),
    uploadFiles: await listDir(dirs.uploadsDir),
  };
}


/** The tus protocol by hand (through app.inject), to see each answer the office gives. */
export function tusMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

export function createUpload(app: FastifyInstance, cookie: string, metadata: Record<string, string>, length: number): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { cookie, 'tus-resumable': '1.0.0', 'upload-length': String(length), 'upload-metadata': tusMetadata(metadata) },
  });
}

export function patchUpload(app: FastifyInstance, cookie: string, location: string, bytes: Buffer, offset = 0): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'PATCH',
    url: location,
    headers: { cookie, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    payload: bytes,
  });
}

/** Creates the upload and sends the whole file in one PATCH; returns both answers. */
export async function sendFile(
  app: FastifyInstance,
  cookie: string,
  metadata: { carerId: string; kind: string; filename: string },
  filePath: string,
): Promise<{ created: LightMyRequestResponse; finished: LightMyRequestResponse | null }> {
  const bytes = await readFile(filePath);
  const created = await createUpload(app, cookie, metadata, bytes.length);
  if (created.statusCode !== 201) return { created, finished: null };
  return { created, finished: await patchUpload(app, cookie, String(created.headers.location), bytes) };
}

export function jobIdOf(response: LightMyRequestResponse | null): string {
  const id = response?.headers[MEDIA_JOB_HEADER];
  if (typeof id !== 'string') throw new Error(`no job id in answer ${response?.statusCode}: ${response?.body}`);
  return id;
}

export async function getJob(app: FastifyInstance, cookie: string, jobId: string): Promise<MediaJob> {
  const response = await app.inject({ method: 'GET', url: `/api/media-jobs/${jobId}`, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`job ${jobId}: ${response.statusCode} ${response.body}`);
  return MediaJobSchema.parse(response.json());
}

export async function waitForJob(app: FastifyInstance, cookie: string, jobId: string, timeoutMs = 20_000): Promise<MediaJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(app, cookie, jobId);
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
