import { execFile } from 'node:child_process';
import type { Config } from '../config';

/** The programs that make films and voices ready, or null when this machine lacks them. */
export type MediaTools = { ffmpeg: string; ffprobe: string } | null;

export const FFMPEG_INSTALL_HINT =
  'Ask whoever runs the office server to install ffmpeg (on Debian or Ubuntu: sudo apt-get install -y ffmpeg; on a Mac: brew install ffmpeg), then restart Hearth.';

/** Runs `<program> -version` for each: both must answer, or films and voices are refused (photos still work). */
export async function detectMediaTools(config: Pick<Config, 'ffmpegPath' | 'ffprobePath'>): Promise<MediaTools> {
  const ffmpeg = config.ffmpegPath ?? 'ffmpeg';
  const ffprobe = config.ffprobePath ?? 'ffprobe';
  const [hasFfmpeg, hasFfprobe] = await Promise.all([answers(ffmpeg), answers(ffprobe)]);
  return hasFfmpeg && hasFfprobe ? { ffmpeg, ffprobe } : null;
}

function answers(program: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(program, ['-version'], { timeout: 10_000 }, (error, stdout) => resolve(!error && /version/i.test(stdout)));
  });
}

/** Detects once, the first time it is asked (most servers built in tests never upload anything). */
export function lazyMediaTools(config: Pick<Config, 'ffmpegPath' | 'ffprobePath'>): () => Promise<MediaTools> {
  let detected: Promise<MediaTools> | undefined;
  return () => (detected ??= detectMediaTools(config));
}
