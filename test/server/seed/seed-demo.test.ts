import { mkdtemp, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/server/auth/password';
import { DEMO_CARERS } from '../../../src/server/seed/demo-carers';
import { captionsFileName, DEMO_ORGANISER, VOICE_SECTIONS, voiceFileName } from '../../../src/server/seed/demo-data';
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

  it("has a small committed voice recording (AAC in MP4) of each section of each carer's card", async () => {
    for (const carer of DEMO_CARERS) {
      const recordings = VOICE_SECTIONS.map((section) => voiceFileName(carer.firstName, section));
      expect(recordings, carer.firstName).toEqual([
        `voice-${carer.firstName.toLowerCase()}-appreciated.m4a`,
        `voice-${carer.firstName.toLowerCase()}-matters.m4a`,
      ]);
      const contents: Buffer[] = [];
      for (const name of recordings) {
        const file = path.join(DEFAULT_SEED_MEDIA_DIR, name);
        const { size } = await stat(file);
        expect(size, name).toBeGreaterThan(10_000);
        expect(size, name).toBeLessThan(150_000);
        const bytes = await readFile(file);
        // An MP4 container: an 'ftyp' box first.
        expect(bytes.subarray(4, 8).toString('latin1'), name).toBe('ftyp');
        contents.push(bytes);
      }
      expect(contents[0]!.equals(contents[1]!), carer.firstName).toBe(false);
    }
  });

  it('holds only the voice files the seed copies (no whole-profile recordings from before one per section)', async () => {
    const names = await readdir(DEFAULT_SEED_MEDIA_DIR);
    expect(names.filter((n) => n.startsWith('voice-')).sort()).toEqual(
      DEMO_CARERS.flatMap((c) => VOICE_SECTIONS.map((section) => voiceFileName(c.firstName, section))).sort(),
    );
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
    // One account of each role, all with the demo password.
    const accounts = await testDb.db.query<{ email: string; role: string; password_hash: string }>('select email, role, password_hash from users order by email');
    expect(accounts.map((a) => [a.email, a.role])).toEqual([
      ['admin@demo.hearth.test', 'admin'],
      ['manager@demo.hearth.test', 'manager'],
      ['organiser@demo.hearth.test', 'organiser'],
      ['sam@demo.hearth.test', 'care-worker'],
    ]);
    for (const account of accounts) expect(await verifyPassword('hearth-demo', account.password_hash), account.email).toBe(true);

    const files = (await readdir(mediaDir)).sort();
    const rows = await testDb.db.query<{ sha256: string }>('select sha256 from media order by sha256');
    expect(files).toEqual(rows.map((r) => r.sha256));
    // A photo, a film, captions and two voices (one per section) for each carer.
    expect(files).toHaveLength(DEMO_CARERS.length * 5);

    const carers = await testDb.db.query<{ voice_appreciated_sha256: string | null; voice_matters_sha256: string | null }>(
      'select voice_appreciated_sha256, voice_matters_sha256 from carers',
    );
    expect(carers).toHaveLength(DEMO_CARERS.length);
    for (const carer of carers) {
      expect(carer.voice_appreciated_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(carer.voice_matters_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(carer.voice_matters_sha256).not.toBe(carer.voice_appreciated_sha256);
    }

    const [org] = await testDb.db.query<{ description_first: boolean }>('select description_first from organisations');
    expect(org!.description_first).toBe(true);
    const people = await testDb.db.query<{ first_name: string; person_mode: object | null }>(
      'select first_name, person_mode from people order by first_name',
    );
    expect(people.map((p) => [p.first_name, p.person_mode])).toEqual([
      ['Hilda', expect.objectContaining({ language: 'en', textSize: 'large', selection: 'press' })],
      ['Peter', expect.objectContaining({ selection: 'dwell', dwellMs: 1500, textSize: 'largest' })],
      ['Ruth', null],
    ]);
  });
});
