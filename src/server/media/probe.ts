import { spawn } from 'node:child_process';

/** What ffprobe and a demuxing pass found in a file. */
export interface ProbedMedia {
  video: { width: number; height: number } | null;
  hasAudio: boolean;
  /** From the container, or measured by reading every packet when the container does not say (MediaRecorder's WebM). */
  durationSeconds: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with arguments (never through a shell), collecting at most the last 64 KB of each output. */
export function run(program: string, args: readonly string[], options: { signal?: AbortSignal; onStdout?: (text: string) => void } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      options.onStdout?.(text);
      stdout = (stdout + text).slice(-65536);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-65536);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface FfprobeJson {
  streams?: { codec_type?: string; width?: number; height?: number; duration?: string }[];
  format?: { duration?: string };
}

/**
 * Null when the file cannot be read as media to its end: not a container ffprobe knows, or cut short
 * (a truncated MP4 whose index is at the front still probes well, so every packet is read as well).
 */
export async function probeMedia(tools: { ffmpeg: string; ffprobe: string }, filePath: string): Promise<ProbedMedia | null> {
  const probe = await run(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', filePath]);
  if (probe.code !== 0) return null;
  let parsed: FfprobeJson;
  try {
    parsed = JSON.parse(probe.stdout) as FfprobeJson;
  } catch {
    return null;
  }
  const streams = parsed.streams ?? [];
  const videoStream = streams.find((s) => s.codec_type === 'video' && (s.width ?? 0) > 0 && (s.height ?? 0) > 0);
  const hasAudio = streams.some((s) => s.codec_type === 'audio');

  // Copying every packet to nowhere reads the whole file without decoding it: fast, and -xerror stops at the
  // first damaged packet. Its last progress report is the length when the container does not give one.
  const demux = await run(tools.ffmpeg, ['-v', 'error', '-nostdin', '-xerror', '-i', filePath, '-map', '0', '-c', 'copy', '-f', 'null', '-progress', 'pipe:1', '-nostats', '-']);
  if (demux.code !== 0) return null;

  const declared = [parsed.format?.duration, ...streams.map((s) => s.duration)].map(Number).filter((d) => Number.isFinite(d) && d > 0);
  const durationSeconds = declared.length > 0 ? Math.max(...declared) : lastProgressSeconds(demux.stdout);
  if (durationSeconds === null) return null;
  return { video: videoStream ? { width: videoStream.width!, height: videoStream.height! } : null, hasAudio, durationSeconds };
}

/** The last `out_time_us=` in ffmpeg's -progress output, in seconds (ffmpeg 5 also writes it as out_time_ms, in µs too). */
export function lastProgressSeconds(progress: string): number | null {
  const matches = [...progress.matchAll(/^out_time_us=(\d+)$/gm)];
  const last = matches.at(-1);
  return last ? Number(last[1]) / 1_000_000 : null;
}
