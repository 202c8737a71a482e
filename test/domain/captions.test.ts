import { describe, expect, it } from 'vitest';
import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import { captionsToWebVtt, parseCaptionLines, webVttToCaptionLines } from '../../src/domain/captions';

describe('film captions typed as "time words" lines', () => {
  it('turns lines into WebVTT cues that run until the next line', () => {
    const parsed = parseCaptionLines("0:00 Hello, I'm Sam.\n\n0:04 I love old films & fishing <really>.\n1:02 Bye!");
    expect(parsed).toEqual({
      cues: [
        { startSeconds: 0, endSeconds: 4, text: "Hello, I'm Sam." },
        { startSeconds: 4, endSeconds: 62, text: 'I love old films & fishing <really>.' },
        { startSeconds: 62, endSeconds: 66, text: 'Bye!' },
      ],
    });
    expect(captionsToWebVtt('cues' in parsed ? parsed.cues : [])).toBe(
      "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nHello, I'm Sam.\n\n2\n00:00:04.000 --> 00:01:02.000\nI love old films &amp; fishing &lt;really&gt;.\n\n3\n00:01:02.000 --> 00:01:06.000\nBye!\n",
    );
  });

  it('says what is wrong with each line, in plain words', () => {
    expect(parseCaptionLines('Hello\n0:10 Hi\n0:05 Earlier\n2:00 Too late')).toEqual({
      problems: [
        'Line 1: start it with the time it is said, like 0:15, then the words.',
        'Line 3: 0:05 must come after the line before it.',
        'Line 4: 2:00 is after the end of the film (at most 1:30).',
      ],
    });
    expect(parseCaptionLines('')).toEqual({ cues: [] });
  });

  it('reads back what it wrote, whatever was typed (seeded)', () => {
    const dice = new Dice(mulberry32(20261201));
    const alphabet = ['a', 'Z', ' ', '&', '<', '>', '-->', 'é', '’', '1', ':', '.', 'amp;'];
    for (let run = 0; run < 300; run++) {
      let at = dice.int(0, 5);
      const lines: string[] = [];
      for (let n = dice.int(1, 12); n > 0 && at <= 90; n--) {
        const words = Array.from({ length: dice.int(1, 12) }, () => dice.pick(alphabet)).join('').trim() || 'x';
        lines.push(`${Math.floor(at / 60)}:${String(at % 60).padStart(2, '0')} ${words.replace(/\s+/g, ' ')}`);
        at += dice.int(1, 15);
      }
      const parsed = parseCaptionLines(lines.join('\n'));
      if (!('cues' in parsed)) throw new Error(`seed run ${run}: ${parsed.problems.join('; ')}`);
      expect(webVttToCaptionLines(captionsToWebVtt(parsed.cues)), `run ${run}`).toBe(lines.join('\n'));
    }
  });
});
