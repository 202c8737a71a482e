import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../../src/server/media/probe';

const tools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };

describe('probeMedia', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-probe-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('measures a WebM that does not state its length (as MediaRecorder writes it, to a stream)', async () => {
    const webm = path.join(dir, 'recorded.webm');
    // Written to a pipe, the muxer cannot go back to fill in the duration: ffprobe finds none.
    await promisify(execFile)('sh', ['-c', `ffmpeg -v error -nostdin -f lavfi -i testsrc=size=64x48:rate=10:duration=3 -c:v libvpx -b:v 100k -f webm pipe:1 > "${webm}"`]);
    const { stdout } = await promisify(execFile)('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', webm]);
    expect(stdout.trim()).toBe('N/A');

    const probed = await probeMedia(tools, webm);
    expect(probed).toMatchObject({ video: { width: 64, height: 48 }, hasAudio: false });
    expect(probed!.durationSeconds).toBeGreaterThan(2.5);
    expect(probed!.durationSeconds).toBeLessThanOrEqual(3);
  });

  it('says null for a file that is not media at all', async () => {
    expect(await probeMedia(tools, path.join(import.meta.dirname, 'probe.test.ts'))).toBeNull();
  });
});
