import { describe, expect, it } from 'vitest';
import { getVisit } from '../../src/local-db/queries';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { makePack } from '../support/factories';
import { FakeOffice } from '../support/fake-transport';
import { signedInDb } from '../support/test-db';

async function setUp(names?: string[]) {
  const db = await signedInDb();
  const office = new FakeOffice();
  const { pack, files } = await makePack(names);
  office.addPack(pack, files);
  await refreshVisits(db, office);
  return { db, office, pack, files };
}

describe('downloadVisitPack', () => {
  it('stores every file with the bytes the manifest promises, then marks the visit ready', async () => {
    const { db, office, pack, files } = await setUp();
    expect((await getVisit(db, pack.visit.id))?.packStatus).toBe('not-downloaded');

    expect(await downloadVisitPack(db, office, pack.visit.id)).toEqual({ ok: true });

    const visit = await getVisit(db, pack.visit.id);
    expect(visit).toMatchObject({ packStatus: 'ready', packError: null });
    expect(visit?.bytesStored).toBe(visit?.bytesTotal);
    for (const f of files) {
      const stored = await db.files.get(f.file.sha256);
      expect(stored?.blob.type).toBe(f.file.type);
      expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(f.bytes);
    }
    expect((await db.packs.get(pack.visit.id))?.pack).toEqual(pack);
  });

  it('never marks a visit ready when a file arrives damaged, and says why', async () => {
    const { db, office, pack, files } = await setUp();
    office.corrupt.add(files[3]!.file.sha256);

    const result = await downloadVisitPack(db, office, pack.visit.id);

    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/did not arrive intact/) });
    expect(await getVisit(db, pack.visit.id)).toMatchObject({ packStatus: 'failed', readyAt: null });
    expect(await db.files.get(files[3]!.file.sha256)).toBeUndefined();
    expect(office.fileFetches.filter((sha) => sha === files[3]!.file.sha256)).toHaveLength(2);
  });

  it('becomes ready on a retry once the connection is good, without fetching stored files again', async () => {
    const { db, office, pack, files } = await setUp();
    office.corrupt.add(files[5]!.file.sha256);
    await downloadVisitPack(db, office, pack.visit.id);
    office.corrupt.clear();
    office.fileFetches.length = 0;

    expect(await downloadVisitPack(db, office, pack.visit.id)).toEqual({ ok: true });
    expect(office.fileFetches).toEqual([files[5]!.file.sha256]);
  });

  it('fails plainly when the office cannot be reached, leaving the visit not ready', async () => {
    const { db, office, pack } = await setUp();
    office.online = false;
    const result = await downloadVisitPack(db, office, pack.visit.id);
    expect(result.ok).toBe(false);
    expect(await getVisit(db, pack.visit.id)).toMatchObject({ packStatus: 'failed', packError: expect.stringMatching(/could not be reached/) });
  });

  it('says there is not enough room before downloading anything', async () => {
    const { db, office, pack } = await setUp();
    const result = await downloadVisitPack(db, office, pack.visit.id, { estimateStorage: async () => ({ quota: 100, usage: 90 }) });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/not enough room on this tablet/) });
    expect(office.fileFetches).toHaveLength(0);
  });

  it('joins a download already running instead of starting a second', async () => {
    const { db, office, pack, files } = await setUp();
    const [a, b] = await Promise.all([downloadVisitPack(db, office, pack.visit.id), downloadVisitPack(db, office, pack.visit.id)]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: true });
    expect(office.fileFetches).toHaveLength(files.length);
  });
});
