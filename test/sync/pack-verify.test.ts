import { describe, expect, it } from 'vitest';
import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import { getFile, getVisit } from '../../src/local-db/queries';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { sha256HexOf, type TestFile } from '../support/factories';
import { makeFilmPack } from '../support/film-pack';
import { FlakyFileOffice, type FileAlteration } from '../support/flaky-file-office';
import { signedInDb } from '../support/test-db';

/** RELIABILITY.md F9: 500 corruptions in CI; HEARTH_TEST_SCALE=10 for a soak run. */
const CORRUPTIONS = 500 * Number(process.env.HEARTH_TEST_SCALE ?? 1);
const SEED = Number(process.env.HEARTH_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Fault = 'flip-a-byte' | 'truncate-a-range' | 'swap-two-files';

/**
 * One seeded case: a pack of three films, a fault while it downloads (possibly after an earlier cut,
 * so the fault lands in a resumed Range response), then a clean download. Returns whether the fault
 * reached the tablet, and whether the faulty download was then refused.
 */
async function runCase(dice: Dice, fault: Fault, where: string): Promise<{ applied: boolean; refused: boolean }> {
  const sizes = [dice.int(1, 12_000), dice.int(1, 12_000), dice.int(1, 12_000)];
  if (fault === 'swap-two-files' && dice.chance(0.5)) sizes[1] = sizes[0]!; // same size: only the hash can tell
  const db = await signedInDb();
  const office = new FlakyFileOffice();
  const { pack, files } = await makeFilmPack(sizes, dice.int(1, 2 ** 30));
  office.addPack(pack, files);
  office.chunkBytes = dice.pick([1024, 4096, 16_384]);
  await refreshVisits(db, office);
  const options = { partBytes: dice.pick([2048, 8192, 65_536]), filesAtOnce: dice.pick([1, 2]) };
  const download = () => downloadVisitPack(db, office, pack.visit.id, options);
  const total = sizes.reduce((a, b) => a + b, 0);

  // A truncated Range response needs a Range request: cut the first download somewhere first.
  if (fault === 'truncate-a-range' || dice.chance(0.5)) {
    office.cutAtBytesSent = dice.int(1, total - 1);
    expect((await download()).ok, where).toBe(false);
    office.online = true;
  }
  let applied = false;
  office.alter = alteration(dice, fault, files, () => (applied = true));
  const faulty = await download();
  const status = (await getVisit(db, pack.visit.id))?.packStatus;
  if (faulty.ok) expect(status, where).toBe('ready');

  // Whatever happened, nothing unverified is stored as a file.
  for (const sha256 of await db.files.toCollection().primaryKeys()) {
    const row = await getFile(db, sha256);
    expect(await sha256HexOf(new Uint8Array(await row!.blob.arrayBuffer())), where).toBe(sha256);
  }
  // The retry path: with the office behaving again, the same visit becomes ready, every byte right.
  office.alter = null;
  expect(await download(), where).toEqual({ ok: true });
  for (const f of files) {
    const stored = await getFile(db, f.file.sha256);
    expect(Buffer.from(await stored!.blob.arrayBuffer()).equals(f.bytes), where).toBe(true);
  }
  db.close();
  await db.delete();
  return { applied, refused: !faulty.ok && status !== 'ready' };
}

function alteration(dice: Dice, fault: Fault, files: TestFile[], onApplied: () => void): FileAlteration {
  const bySha = new Map(files.map((f) => [f.file.sha256, f]));
  const [a, b] = dice.some(files, 2);
  switch (fault) {
    case 'flip-a-byte': {
      const target = dice.pick(files);
      const at = dice.int(0, target.bytes.length - 1);
      const mask = dice.int(1, 255);
      return ({ sha256, body, start, totalBytes }) => {
        if (sha256 !== target.file.sha256 || at < start) return { body, totalBytes };
        onApplied();
        const damaged = body.slice();
        damaged[at - start] = damaged[at - start]! ^ mask;
        return { body: damaged, totalBytes };
      };
    }
    case 'truncate-a-range':
      return ({ body, start, totalBytes }) => {
        if (start === 0) return { body, totalBytes };
        onApplied();
        return { body: body.slice(0, dice.int(0, body.length - 1)), totalBytes };
      };
    case 'swap-two-files': {
      // Sometimes the office even claims the size the tablet expects.
      const lies = dice.chance(0.3);
      return ({ sha256, start, totalBytes }) => {
        const other = sha256 === a!.file.sha256 ? b! : sha256 === b!.file.sha256 ? a! : bySha.get(sha256)!;
        if (other.file.sha256 === sha256) return { body: other.bytes.slice(start), totalBytes };
        onApplied();
        return { body: other.bytes.slice(start), totalBytes: lies ? totalBytes : other.bytes.length };
      };
    }
  }
}

describe(`pack integrity (F9, seed ${SEED})`, () => {
  it(`catches every damaged, truncated or swapped file (${CORRUPTIONS} corruptions)`, async () => {
    console.log(`F9 integrity fuzz: seed ${SEED} (replay with HEARTH_SEED=${SEED})`);
    const dice = new Dice(mulberry32(SEED));
    const faults: Fault[] = ['flip-a-byte', 'truncate-a-range', 'swap-two-files'];
    const count = { applied: 0, refused: 0 };
    for (let n = 1; count.applied < CORRUPTIONS; n++) {
      const fault = dice.pick(faults);
      const { applied, refused } = await runCase(dice, fault, `seed ${SEED}, case ${n}, ${fault}`);
      if (!applied) continue; // the fault never reached the tablet (e.g. that file was already stored)
      count.applied += 1;
      if (refused) count.refused += 1;
      else throw new Error(`seed ${SEED}, case ${n}: a ${fault} reached the tablet and the visit became ready`);
    }
    expect(count.refused).toBe(count.applied);
  }, 300_000);
});
