import { describe, expect, it } from 'vitest';
import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import type { VisitPack } from '../../src/domain/visits';
import type { HearthDatabase } from '../../src/local-db/database';
import { getFile, getVisit } from '../../src/local-db/queries';
import { recordOutcome } from '../../src/local-db/record-event';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { sha256HexOf } from '../support/factories';
import { makeFilmPack } from '../support/film-pack';
import { FlakyFileOffice } from '../support/flaky-file-office';
import { signedInDbWithFaults, StorageFaults } from '../support/storage-faults';
import { fixedClock } from '../support/test-db';

const OUT_OF_SPACE = /ran out of storage space/;
const PART = 8 * 1024;
/** RELIABILITY.md F8: 200 injected QuotaExceededErrors in CI; HEARTH_TEST_SCALE=10 for a soak run. */
const INJECTIONS = 200 * Number(process.env.HEARTH_TEST_SCALE ?? 1);
const SEED = Number(process.env.HEARTH_SEED ?? Math.floor(Math.random() * 2 ** 31));

async function world(faults: StorageFaults, sizes = [30_000, 20_000, 25_000], filesAtOnce?: number) {
  const db = await signedInDbWithFaults(faults);
  const office = new FlakyFileOffice();
  const { pack, files } = await makeFilmPack(sizes);
  office.addPack(pack, files);
  await refreshVisits(db, office);
  const download = () => downloadVisitPack(db, office, pack.visit.id, { partBytes: PART, filesAtOnce });
  return { db, office, pack, download };
}

/** Every file of a "ready" visit must be on the tablet with exactly the promised bytes. */
async function readyButBroken(db: HearthDatabase, pack: VisitPack): Promise<string[]> {
  if ((await getVisit(db, pack.visit.id))?.packStatus !== 'ready') return [];
  const broken: string[] = [];
  for (const file of pack.files) {
    const stored = await getFile(db, file.sha256);
    const bytes = stored && new Uint8Array(await stored.blob.arrayBuffer());
    if (!bytes || bytes.length !== file.bytes || (await sha256HexOf(bytes)) !== file.sha256) broken.push(file.sha256);
  }
  return broken;
}

describe('a storage write that fails while a pack downloads', () => {
  it('is tried once more, and the download carries on', async () => {
    const faults = new StorageFaults();
    faults.tables.add('partialParts');
    const { db, pack, download } = await world(faults);
    faults.failNext(1);
    expect(await download()).toEqual({ ok: true });
    expect(faults.injected).toBe(1);
    expect(await readyButBroken(db, pack)).toEqual([]);
  });

  it('is reported in plain words when it fails again, leaving the visit not ready and resumable', async () => {
    const faults = new StorageFaults();
    faults.tables.add('partialParts');
    const { db, office, pack, download } = await world(faults, undefined, 1);
    // Writes to partialParts: 1 clears the first film's parts, 2 saves its first part, 3 its second, 4 the retry.
    faults.failing.add(3).add(4);

    const result = await download();
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(OUT_OF_SPACE) });
    expect(await getVisit(db, pack.visit.id)).toMatchObject({ packStatus: 'failed', packError: expect.stringMatching(OUT_OF_SPACE), bytesStored: PART });

    const sentBefore = office.bytesSent;
    expect(await download()).toEqual({ ok: true });
    // The part saved before storage ran out is not fetched again.
    expect(office.bytesSent - sentBefore).toBe(75_000 - PART);
    expect(office.fileRequests[1]).toEqual({ sha256: pack.files[0]!.sha256, fromByte: PART });
  });
});

describe(`QuotaExceededError at random points (F8, seed ${SEED})`, () => {
  it(`never leaves a visit ready with a missing or unverified file (${INJECTIONS} injections)`, async () => {
    console.log(`F8 quota fuzz: seed ${SEED} (replay with HEARTH_SEED=${SEED})`);
    const dice = new Dice(mulberry32(SEED));
    let cases = 0;
    const faults = new StorageFaults();
    while (faults.injected < INJECTIONS) {
      cases += 1;
      const where = `seed ${SEED}, case ${cases}`;
      faults.failing.clear();
      const { db, pack, download } = await world(faults, [dice.int(1, 40_000), dice.int(1, 40_000), dice.int(1, 40_000)]);
      // Somewhere in the download's writes: once (the retry saves it), or twice or more in a row (reported).
      const first = faults.writes + dice.int(1, 40);
      const inARow = dice.pick([1, 1, 2, 3]);
      for (let i = 0; i < inARow; i++) faults.failing.add(first + i);

      const result = await download();
      expect(await readyButBroken(db, pack), where).toEqual([]);
      if (!result.ok) expect(result.reason, where).toMatch(OUT_OF_SPACE);

      // An outcome on a ready visit is written whole or not at all, even when storage refuses it.
      if ((await getVisit(db, pack.visit.id))?.packStatus === 'ready') {
        faults.failing.add(faults.writes + 1).add(faults.writes + 2);
        const input = { visitId: pack.visit.id, outcome: 'none-of-these' as const, chosenCarerId: null, orderShown: [pack.candidates[0]!.id] };
        const recorded = await recordOutcome(db, input, fixedClock()).then(
          () => true,
          () => false,
        );
        const rows = [await db.outcomes.count(), await db.outbox.count()];
        expect(rows, where).toEqual(recorded ? [1, 1] : [0, 0]);
      }

      // With room again, the same visit becomes ready with every file intact.
      faults.failing.clear();
      expect(await download(), where).toEqual({ ok: true });
      expect(await readyButBroken(db, pack), where).toEqual([]);
      expect(await db.partialParts.count(), where).toBe(0);
      db.close();
      await db.delete();
    }
    expect(faults.injected).toBeGreaterThanOrEqual(INJECTIONS);
  }, 240_000);
});
