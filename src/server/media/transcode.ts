import { run } from './probe';

export interface TranscodeOptions {
  ffmpeg: string;
  source: string;
  output: string;
  /** The source's length, to turn ffmpeg's progress into a fraction. */
  durationSeconds: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

// At most 720p either way up (a phone held upright gives 720×1280), keeping the shape, with even sides for H.264.
const FIT_720P =
  "scale=w='if(gte(iw,ih),min(1280,iw),min(720,iw))':h='if(gte(iw,ih),min(720,ih),min(1280,ih))'" +
  ':force_original_aspect_ratio=decrease:force_divisible_by=2,format=yuv420p';

/**
 * Any video ffmpeg reads → MP4 that every iPad plays: H.264 (libx264) and AAC, at most 720p and 30 frames
 * a second, the index (moov) at the front so it starts before it has all arrived. About 900 kbit/s of
 * picture and 96 of sound is under 8 MB a minute, small enough to download many into a visit pack.
 */
export function filmArguments(source: string, output: string): string[] {
  return [
    ...['-v', 'error', '-nostdin', '-y', '-i', source],
    ...['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn', '-map_metadata', '-1'],
    ...['-vf', FIT_720P, '-fpsmax', '30'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-crf', '26', '-maxrate', '900k', '-bufsize', '1800k'],
    ...['-c:a', 'aac', '-b:a', '96k', '-ac', '2'],
    ...['-movflags', '+faststart', '-f', 'mp4'],
    ...['-progress', 'pipe:1', '-nostats', output],
  ];
}

/** A voice → AAC in MP4 (.m4a), mono: a voice needs no more, and the file stays small. */
export function voiceArguments(source: string, output: string): string[] {
  return [
    ...['-v', 'error', '-nostdin', '-y', '-i', source],
    ...['-map', '0:a:0', '-vn', '-sn', '-dn', '-map_metadata', '-1'],
    ...['-c:a', 'aac', '-b:a', '64k', '-ac', '1'],
    ...['-movflags', '+faststart', '-f', 'mp4'],
    ...['-progress', 'pipe:1', '-nostats', output],
  ];
}

/** One frame as JPEG: at 1 second, or halfway through a film shorter than 2 seconds (its first frame may be black). */
export function posterArguments(film: string, output: string, durationSeconds: number): string[] {
  const at = Math.min(1, durationSeconds / 2).toFixed(3);
  return ['-v', 'error', '-nostdin', '-y', '-ss', at, '-i', film, '-frames:v', '1', '-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', output];
}

export async function runFfmpeg(options: TranscodeOptions, args: string[]): Promise<void> {
  let pending = '';
  const result = await run(options.ffmpeg, args, {
    signal: options.signal,
    onStdout: (text) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_us=(\d+)$/.exec(line.trim());
        if (match && options.durationSeconds > 0) options.onProgress?.(Math.min(1, Number(match[1]) / 1_000_000 / options.durationSeconds));
      }
    },
  });
  if (result.code !== 0) throw new Error(`ffmpeg stopped (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
}
