import { z } from 'zod';

/**
 * Captions for a care worker's one-minute film, typed by the care worker as lines of "time words":
 *
 *   0:00 Hello, I'm Sam.
 *   0:04 I've been a carer in Cleveleys for six years.
 *
 * Each line shows from its time until the next line's (the last for CAPTION_LAST_SECONDS). Saved as WebVTT.
 */
export const CAPTIONS_MAX_CHARS = 6_000;
export const CAPTION_MAX_LINES = 80;
export const CAPTION_LINE_MAX_CHARS = 200;
export const CAPTION_LAST_SECONDS = 4;
/** Films are at most 90 seconds. */
export const CAPTION_MAX_SECONDS = 90;

export const CaptionsRequestSchema = z.object({ text: z.string().max(CAPTIONS_MAX_CHARS, `must be at most ${CAPTIONS_MAX_CHARS} characters`) }).strict();
export type CaptionsRequest = z.infer<typeof CaptionsRequestSchema>;

export interface CaptionCue {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

const LINE = /^(\d{1,2}):([0-5]\d)\s+(.+)$/;

/** The cues, or a problem per line in plain words ("Line 3: …"). Empty text is no captions at all. */
export function parseCaptionLines(text: string): { cues: CaptionCue[] } | { problems: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ number: i + 1, line: line.trim() }))
    .filter(({ line }) => line !== '');
  const problems: string[] = [];
  if (lines.length > CAPTION_MAX_LINES) problems.push(`There are ${lines.length} lines; captions can have at most ${CAPTION_MAX_LINES}.`);
  const starts: { start: number; text: string }[] = [];
  for (const { number, line } of lines) {
    const match = LINE.exec(line);
    if (!match) {
      problems.push(`Line ${number}: start it with the time it is said, like 0:15, then the words.`);
      continue;
    }
    const start = Number(match[1]) * 60 + Number(match[2]);
    const words = match[3]!.trim();
    if (words.length > CAPTION_LINE_MAX_CHARS) problems.push(`Line ${number}: at most ${CAPTION_LINE_MAX_CHARS} characters on one line; split it in two.`);
    else if (start > CAPTION_MAX_SECONDS) problems.push(`Line ${number}: ${match[1]}:${match[2]} is after the end of the film (at most 1:30).`);
    else if (starts.length > 0 && start <= starts.at(-1)!.start) problems.push(`Line ${number}: ${match[1]}:${match[2]} must come after the line before it.`);
    else starts.push({ start, text: words });
  }
  if (problems.length > 0) return { problems };
  return {
    cues: starts.map(({ start, text: words }, i) => ({
      startSeconds: start,
      endSeconds: starts[i + 1]?.start ?? start + CAPTION_LAST_SECONDS,
      text: words,
    })),
  };
}

const timestamp = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  return `00:${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
};

/** WebVTT text is markup: '<' and '&' are escaped so whatever is typed shows as typed and runs nothing. */
const escapeCueText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function captionsToWebVtt(cues: readonly CaptionCue[]): string {
  const blocks = cues.map((cue, i) => `${i + 1}\n${timestamp(cue.startSeconds)} --> ${timestamp(cue.endSeconds)}\n${escapeCueText(cue.text)}`);
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

const CUE_TIMING = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?\s+-->/;
const unescapeCueText = (text: string): string =>
  text
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Back to typed lines, for editing captions saved before (Hearth's own, or any simple WebVTT file). */
export function webVttToCaptionLines(vtt: string): string {
  const lines: string[] = [];
  const blocks = vtt.replace(/\r\n/g, '\n').split(/\n\n+/);
  for (const block of blocks) {
    const rows = block.split('\n');
    const timingAt = rows.findIndex((row) => CUE_TIMING.test(row));
    if (timingAt < 0) continue;
    const [, hours, minutes, seconds] = CUE_TIMING.exec(rows[timingAt]!)!;
    const total = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
    const words = unescapeCueText(rows.slice(timingAt + 1).join(' ').trim());
    if (words) lines.push(`${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')} ${words}`);
  }
  return lines.join('\n');
}
