import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSON_MODE_SETTINGS, type PersonModeSettings } from '../../src/domain/person-mode';
import type { VisitPack } from '../../src/domain/visits';
import { getFile, getLocalPersonModeSettings, getPack, getVisit } from '../../src/local-db/queries';
import { recordPersonModeSettings } from '../../src/local-db/record-event';
import { pushOutbox } from '../../src/sync/outbox-sender';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { makePack, testId } from '../support/factories';
import { FakeOffice } from '../support/fake-transport';
import { fixedClock, signedInDb } from '../support/test-db';

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
      const stored = await getFile(db, f.file.sha256);
      expect(stored?.blob.type).toBe(f.file.type);
      expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(f.bytes);
    }
    expect((await getPack(db, pack.visit.id))?.pack).toEqual(pack);
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

/** An office that lets the test act after it has built the pack and before the tablet stores it. */
class SlowPackOffice extends FakeOffice {
  whilePackTravels: () => Promise<unknown> = async () => undefined;

  override async fetchPack(visitId: string): Promise<VisitPack> {
    const pack = await super.fetchPack(visitId);
    await this.whilePackTravels();
    return pack;
  }
}

describe('downloadVisitPack and person-mode settings changed on this tablet', () => {
  const officeSettings = { ...DEFAULT_PERSON_MODE_SETTINGS, textSize: 'largest' as const, descriptionFirst: false };
  const welsh = { ...DEFAULT_PERSON_MODE_SETTINGS, language: 'cy' as const };
  const now = () => new Date('2026-11-24T11:00:00Z');

  async function world() {
    const db = await signedInDb();
    const office = new SlowPackOffice();
    const { pack, files } = await makePack(undefined, { personMode: officeSettings });
    office.addPack(pack, files);
    await refreshVisits(db, office);
    const clock = fixedClock();
    const personId = pack.person.id;
    const change = (settings: PersonModeSettings = welsh, who = personId) => recordPersonModeSettings(db, { visitId: pack.visit.id, personId: who, settings }, clock);
    const download = () => downloadVisitPack(db, office, pack.visit.id, { now });
    const acknowledge = () => pushOutbox(db, office, now);
    return { db, office, pack, personId, change, download, acknowledge };
  }

  it('keeps a change the office does not have yet over the pack', async () => {
    const { db, personId, change, download } = await world();
    await change();
    expect(await download()).toEqual({ ok: true });
    expect(await getLocalPersonModeSettings(db, personId)).toEqual(welsh);
    expect(await db.outbox.count()).toBe(1);
  });

  it("lets the pack's settings count once the office acknowledged the change before the pack was fetched", async () => {
    const { db, pack, personId, change, download, acknowledge } = await world();
    await change();
    expect((await acknowledge()).outcome).toBe('sent');
    expect(await download()).toEqual({ ok: true });
    expect(await getLocalPersonModeSettings(db, personId)).toBeUndefined();
    expect((await getPack(db, pack.visit.id))?.pack.personMode).toEqual(officeSettings);
  });

  it('keeps a change still waiting when the pack was fetched, even if acknowledged before the pack is stored', async () => {
    const { db, office, personId, change, download, acknowledge } = await world();
    await change();
    office.whilePackTravels = acknowledge;
    expect(await download()).toEqual({ ok: true });
    expect(await db.outbox.count()).toBe(0);
    expect(await getLocalPersonModeSettings(db, personId)).toEqual(welsh);

    // The next pack is fetched after the acknowledgement: now it counts.
    office.whilePackTravels = async () => undefined;
    expect(await download()).toEqual({ ok: true });
    expect(await getLocalPersonModeSettings(db, personId)).toBeUndefined();
  });

  it('keeps a newer change made here during the download', async () => {
    const { db, office, personId, change, download, acknowledge } = await world();
    await change();
    await acknowledge();
    const larger = { ...DEFAULT_PERSON_MODE_SETTINGS, textSize: 'larger' as const };
    office.whilePackTravels = async () => {
      await change(larger);
      await acknowledge();
    };
    expect(await download()).toEqual({ ok: true });
    expect(await getLocalPersonModeSettings(db, personId)).toEqual(larger);
  });

  it("leaves other people's local settings alone", async () => {
    const { db, personId, change, download, acknowledge } = await world();
    const someoneElse = testId();
    await change();
    await change(welsh, someoneElse);
    await acknowledge();
    expect(await download()).toEqual({ ok: true });
    expect(await getLocalPersonModeSettings(db, personId)).toBeUndefined();
    expect(await getLocalPersonModeSettings(db, someoneElse)).toEqual(welsh);
  });
});
