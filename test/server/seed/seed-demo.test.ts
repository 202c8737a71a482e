import { mkdtemp, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/server/auth/password';
import { DEMO_CARERS } from '../../../src/server/seed/demo-carers';
import { captionsFileName, DEMO_ORGANISER, voiceFileName } from '../../../src/server/seed/demo-data';
import { DEMO_VISITS } from '../../../src/server/seed/demo-people';
import { DEFAULT_SEED_MEDIA_DIR, seedDemoIfEmpty } from '../../../src/server/seed/seed-demo';
import { openTestDb, type TestDb } from '../../support/server-db';
import { writeFakeSeedMedia } from '../../support/server-media';

const QUALITIES = ['calm', 'great listener', 'patient', 'chatty', 'lively', 'fun', 'gentle', 'organised', 'kind', 'quiet'];

describe('demo data', () => {
  it('has thirteen carers with three things that matter to each, and qualities from the shared list', () => {
    expect(DEMO_CARERS.map((c) => c.firstName)).toEqual([
      // The Fylde coast, then South Devon.
      ...['Sam', 'Tom', 'Grace', 'Megan', 'Dan', 'Aisha', 'Bethan'],
      ...['Priya', 'Kwame', 'Rosie', 'Jess', 'Nell', 'Marta'],
    ]);
    for (const carer of DEMO_CARERS) {
      expect(carer.mattersToMe, carer.firstName).toHaveLength(3);
      expect(carer.appreciated.length, carer.firstName).toBeGreaterThanOrEqual(2);
      expect(carer.qualities.every((q) => QUALITIES.includes(q)), carer.firstName).toBe(true);
    }
  });

  it('plans a visit for Hilda, Ruth and Peter with carers who are all in the demo', () => {
    expect(DEMO_VISITS.map((v) => [v.person.firstName, v.candidates.length])).toEqual([['Hilda', 4], ['Ruth', 3], ['Peter', 3]]);
    const names = new Set(DEMO_CARERS.map((c) => c.firstName));
    expect(DEMO_VISITS.flatMap((v) => v.candidates).every((n) => names.has(n))).toBe(true);
  });

  it('looks for the demo media in <repo>/seed/media', () => {
    expect(DEFAULT_SEED_MEDIA_DIR).toBe(path.resolve(import.meta.dirname, '../../../seed/media') + path.sep);
  });

  it('has committed captions that say what each film says, in order, within its ten seconds', async () => {
    const script = await readFile(path.resolve(import.meta.dirname, '../../../scripts/make-demo-media.sh'), 'utf8');
    for (const carer of DEMO_CARERS) {
      const name = carer.firstName.toLowerCase();
      const said = new RegExp(`^SAY\\[${name}\\]="(.*)"$`, 'm').exec(script)?.[1]?.split('|');
      const vtt = await readFile(path.join(DEFAULT_SEED_MEDIA_DIR, captionsFileName(carer.firstName)), 'utf8');
      expect(vtt.startsWith('WEBVTT\n'), name).toBe(true);
      const cues = [...vtt.matchAll(/^(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})\n(.+)$/gm)].map((m) => ({
        start: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]),
        end: Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]),
        text: m[7],
      }));
      expect(cues.map((c) => c.text), name).toEqual(said);
      cues.forEach((cue, i) => {
        expect(cue.end, name).toBeGreaterThan(cue.start);
        expect(cue.start, name).toBeGreaterThanOrEqual(i === 0 ? 0 : cues[i - 1]!.end);
        expect(cue.end, name).toBeLessThanOrEqual(10);
      });
    }
  });

  it('has a small committed voice recording (AAC in MP4) for each carer', async () => {
    for (const carer of DEMO_CARERS) {
      const file = path.join(DEFAULT_SEED_MEDIA_DIR, voiceFileName(carer.firstName));
      const { size } = await stat(file);
      expect(size, carer.firstName).toBeGreaterThan(10_000);
      expect(size, carer.firstName).toBeLessThan(200_000);
      // An MP4 container: an 'ftyp' box first.
      expect((await readFile(file)).subarray(4, 8).toString('latin1'), carer.firstName).toBe('ftyp');
    }
  });
});

describe('seedDemoIfEmpty', () => {
  let testDb: TestDb;
  let dir: string;
  beforeAll(async () => {
    testDb = await openTestDb();
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-seed-test-'));
  });
  afterAll(async () => {
    await testDb.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('stops with a message listing the demo files that are missing, writing nothing', async () => {
    const seedMediaDir = path.join(dir, 'incomplete');
    await writeFakeSeedMedia(seedMediaDir);
    await unlink(path.join(seedMediaDir, 'film-sam.mp4'));
    await expect(seedDemoIfEmpty(testDb.db, { mediaDir: path.join(dir, 'media'), seedMediaDir })).rejects.toThrow(/missing.*film-sam\.mp4/);
    expect(await testDb.db.query('select id from organisations')).toEqual([]);
  });

  it('seeds the demo organisation once, copying each file under its SHA-256', async () => {
    const seedMediaDir = path.join(dir, 'seed-media');
    const mediaDir = path.join(dir, 'media');
    await writeFakeSeedMedia(seedMediaDir);

    const seeded = await seedDemoIfEmpty(testDb.db, { mediaDir, seedMediaDir });
    expect(seeded).not.toBeNull();
    expect(await seedDemoIfEmpty(testDb.db, { mediaDir, seedMediaDir })).toBeNull();

    const [user] = await testDb.db.query<{ password_hash: string; name: string }>('select name, password_hash from users where email = $1', [
      DEMO_ORGANISER.email,
    ]);
    expect(user?.name).toBe('Jo Baker');
    expect(await verifyPassword('hearth-demo', user!.password_hash)).toBe(true);

    const files = (await readdir(mediaDir)).sort();
    const rows = await testDb.db.query<{ sha256: string }>('select sha256 from media order by sha256');
    expect(files).toEqual(rows.map((r) => r.sha256));
    // A photo, a film, captions and a voice for each carer.
    expect(files).toHaveLength(DEMO_CARERS.length * 4);

    const [org] = await testDb.db.query<{ description_first: boolean }>('select description_first from organisations');
    expect(org!.description_first).toBe(true);
    const people = await testDb.db.query<{ first_name: string; person_mode: object | null }>(
      'select first_name, person_mode from people order by first_name',
    );
    expect(people.map((p) => [p.first_name, p.person_mode])).toEqual([
      ['Hilda', expect.objectContaining({ language: 'en', textSize: 'larger', selection: 'press' })],
      ['Peter', expect.objectContaining({ selection: 'dwell', dwellMs: 1500, textSize: 'largest' })],
      ['Ruth', null],
    ]);
  });
});
