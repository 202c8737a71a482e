import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FILM_SECONDS = 60;
/** About 8 MB a minute: 1 Mbit/s of video and 64 kbit/s of sound. */
const VIDEO_KBPS = 1000;
const AUDIO_KBPS = 64;
/** Made once per machine and kept (they take ~10 s each); never in the repository. */
export const FILM_CACHE_DIR = path.join(tmpdir(), `hearth-bench-pack-films-${FILM_SECONDS}s-${VIDEO_KBPS}k`);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${errors.slice(-2000)}`))));
  });
}

/**
 * A one-minute 720p H.264/AAC film unlike any other (its own hue and noise seed). The moving noise is
 * drawn small and scaled up: it keeps the encoder at its full bitrate (so the file really is ~8 MB)
 * while costing ten times less to make than noise drawn at 720p.
 */
async function makeFilm(index: number, out: string): Promise<void> {
  const video = `testsrc2=size=320x180:rate=25:duration=${FILM_SECONDS},hue=h=${index * 90},noise=alls=40:allf=t+u:all_seed=${index + 1},scale=1280:720:flags=neighbor`;
  const audio = `sine=frequency=${220 + index * 110}:sample_rate=44100:duration=${FILM_SECONDS}`;
  const partial = `${out}.partial.mp4`;
  await run('ffmpeg', [
    ...['-y', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', video, '-f', 'lavfi', '-i', audio],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', `${VIDEO_KBPS}k`, '-maxrate', `${VIDEO_KBPS}k`, '-bufsize', `${2 * VIDEO_KBPS}k`],
    ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', `${AUDIO_KBPS}k`, '-movflags', '+faststart', '-shortest', partial],
  ]);
  await rename(partial, out);
}

/** `count` films in the cache folder (made if missing, two at a time), as paths. */
export async function benchFilms(count: number): Promise<string[]> {
  await mkdir(FILM_CACHE_DIR, { recursive: true });
  const paths = Array.from({ length: count }, (_, i) => path.join(FILM_CACHE_DIR, `film-${i + 1}.mp4`));
  const missing = [];
  for (const [i, film] of paths.entries()) if (!(await stat(film).catch(() => null))) missing.push(i);
  for (let i = 0; i < missing.length; i += 2) {
    await Promise.all(missing.slice(i, i + 2).map((index) => makeFilm(index, paths[index]!)));
  }
  return paths;
}

/**
 * A seed media folder for the demo organisation (what SEED_MEDIA_DIR points the server at): the
 * repository's seed/media, with the given carers' films replaced by the bench's films.
 */
export async function seedMediaWithFilms(repoSeedDir: string, outDir: string, filmsByName: Map<string, string>): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(repoSeedDir)) await copyFile(path.join(repoSeedDir, name), path.join(outDir, name));
  for (const [name, film] of filmsByName) await copyFile(film, path.join(outDir, name));
}
