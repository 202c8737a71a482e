import { describe, expect, it } from 'vitest';
import { HearthDatabase } from '../../src/local-db/database';
import { holdTestDataKey } from '../support/test-data-key';
import { appendPart, resumePoint } from '../../src/local-db/partial-files';
import { getFile, getVisit } from '../../src/local-db/queries';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { makeFilmPack } from '../support/film-pack';
import { FlakyFileOffice } from '../support/flaky-file-office';
import { signedInDb } from '../support/test-db';

const PART = 16 * 1024;
const FILM = 200 * 1024;

async function world(sizes = [FILM]) {
  const db = await signedInDb();
  const office = new FlakyFileOffice();
  const { pack, files } = await makeFilmPack(sizes);
  office.addPack(pack, files);
  await refreshVisits(db, office);
  const visitId = pack.visit.id;
  const download = (on = db) => downloadVisitPack(on, office, visitId, { partBytes: PART, filesAtOnce: 1 });
  const reconnect = () => {
    office.online = true;
  };
  return { db, office, pack, files, visitId, download, reconnect };
}

async function expectStoredIntact(db: HearthDatabase, files: { file: { sha256: string }; bytes: Uint8Array }[]) {
  for (const f of files) {
    const stored = await getFile(db, f.file.sha256);
    // Compared as Buffers: a deep equal of 200,000 numbers is slow.
    expect(Buffer.from(await stored!.blob.arrayBuffer()).equals(f.bytes)).toBe(true);
  }
  expect(await db.partialFiles.count()).toBe(0);
  expect(await db.partialParts.count()).toBe(0);
}

describe('a pack download cut off part way', () => {
  it('resumes a file cut half way with a Range request from the bytes it kept', async () => {
    const { db, office, files, visitId, download, reconnect } = await world();
    const cutAt = FILM / 2 + 1234;
    office.cutAtBytesSent = cutAt;

    expect(await download()).toEqual({ ok: false, reason: expect.stringMatching(/cut off|could not be reached/) });
    // Progress counts the saved bytes of the file still arriving.
    expect(await getVisit(db, visitId)).toMatchObject({ packStatus: 'failed', bytesStored: cutAt, readyAt: null });

    reconnect();
    expect(await download()).toEqual({ ok: true });
    expect(office.fileRequests).toEqual([
      { sha256: files[0]!.file.sha256, fromByte: 0 },
      { sha256: files[0]!.file.sha256, fromByte: cutAt },
    ]);
    expect(office.bytesSent).toBeLessThanOrEqual(FILM + PART);
    await expectStoredIntact(db, files);
  });

  // At most two parts: the one arriving, and the one being encrypted when the app closed (both only in memory).
  it('resumes from the last saved part when the app was closed mid-file, fetching at most two parts again', async () => {
    const { db, office, files, download, reconnect } = await world();
    office.cutAtBytesSent = FILM / 2 + 5000;
    office.onCut = () => db.close(); // the app is closed: the bytes in memory are lost

    expect((await download()).ok).toBe(false);
    const reopened = holdTestDataKey(new HearthDatabase(db.name)); // reopened, and unlocked again
    reconnect();
    try {
      expect(await download(reopened)).toEqual({ ok: true });
      const resumedFrom = office.fileRequests[1]!.fromByte;
      expect(resumedFrom % PART).toBe(0);
      expect(resumedFrom).toBeGreaterThan(0);
      expect(office.bytesSent).toBeLessThanOrEqual(FILM + 2 * PART);
      await expectStoredIntact(reopened, files);
    } finally {
      reopened.close();
    }
  });

  it('does not fetch the first of three films again when the cut came in the second', async () => {
    const { db, office, files, download, reconnect } = await world([FILM, FILM, FILM]);
    office.cutAtBytesSent = FILM + FILM / 2;
    expect((await download()).ok).toBe(false);
    expect(await db.files.get(files[0]!.file.sha256)).toBeDefined();

    reconnect();
    expect(await download()).toEqual({ ok: true });
    const [first, second, third] = files.map((f) => f.file.sha256);
    expect(office.fileRequests).toEqual([
      { sha256: first, fromByte: 0 },
      { sha256: second, fromByte: 0 },
      { sha256: second, fromByte: FILM / 2 },
      { sha256: third, fromByte: 0 },
    ]);
    expect(office.bytesSent).toBe(3 * FILM);
    await expectStoredIntact(db, files);
  });

  it('starts a file again when the office ignores the Range and sends all of it', async () => {
    const { db, office, files, download, reconnect } = await world();
    office.cutAtBytesSent = FILM / 2;
    await download();
    office.ignoreRange = true;
    reconnect();

    expect(await download()).toEqual({ ok: true });
    expect(office.fileRequests.map((r) => r.fromByte)).toEqual([0, FILM / 2]);
    expect(office.bytesSent).toBe(FILM / 2 + FILM);
    await expectStoredIntact(db, files);
  });

  it('starts a file again when the office refuses the range (416)', async () => {
    const { db, office, files, download, reconnect } = await world();
    office.cutAtBytesSent = PART + 100;
    await download();
    office.refuseRanges = 1;
    reconnect();

    expect(await download()).toEqual({ ok: true });
    expect(office.fileRequests.map((r) => r.fromByte)).toEqual([0, PART + 100, 0]);
    await expectStoredIntact(db, files);
  });

  it('only checks and stores a file whose every byte was saved before the app closed', async () => {
    const { db, office, files, download } = await world();
    const film = files[0]!;
    // As if the app closed between saving the last part and moving the file into place.
    await resumePoint(db, film.file, new Date());
    await appendPart(db, film.file.sha256, 0, new Blob([film.bytes]), new Date());

    expect(await download()).toEqual({ ok: true });
    expect(office.fileRequests).toEqual([]);
    await expectStoredIntact(db, files);
  });

  it('shows progress carrying on from the saved bytes, never back at 0', async () => {
    const { db, office, download, reconnect, visitId } = await world([FILM, FILM]);
    office.cutAtBytesSent = FILM + 3 * PART;
    await download();
    const saved = (await getVisit(db, visitId))!.bytesStored;
    expect(saved).toBe(FILM + 3 * PART);

    const seen: number[] = [];
    db.visits.hook('updating', (changes: Partial<{ bytesStored: number }>) => {
      if (changes.bytesStored !== undefined) seen.push(changes.bytesStored);
    });
    reconnect();
    expect(await download()).toEqual({ ok: true });
    expect(seen.length).toBeGreaterThan(2);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(saved);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('fetches a film two visits share once, when both download at the same time', async () => {
    const { db, office, pack, files } = await world([FILM]);
    const second = structuredClone(pack);
    second.visit.id = '00000000-0000-4000-8000-0000000abcde';
    office.addPack(second, files);
    await refreshVisits(db, office);
    const options = { partBytes: PART };
    const results = await Promise.all([downloadVisitPack(db, office, pack.visit.id, options), downloadVisitPack(db, office, second.visit.id, options)]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(office.fileRequests).toHaveLength(1);
    await expectStoredIntact(db, files);
  });
});
