import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import type { VisitPack } from '../../src/domain/visits';
import { makeCarer, makePerson, makeVisit, sha256HexOf, type TestFile } from './factories';

/** `length` seeded random bytes: no two files alike, and a shifted range shows up as a hash mismatch. */
export function randomBytes(dice: Dice, length: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, () => dice.int(0, 255));
}

export async function binaryFile(bytes: Uint8Array<ArrayBuffer>, type: TestFile['file']['type'] = 'video/mp4'): Promise<TestFile> {
  const sha256 = await sha256HexOf(bytes);
  return { file: { id: sha256, sha256, bytes: bytes.length, type }, bytes };
}

/**
 * A pack of films only, in the given sizes and in that order (one carer per film, whose photo is the
 * same file): the order of pack.files is the order they are fetched in.
 */
export async function makeFilmPack(filmSizes: number[], seed = 1): Promise<{ pack: VisitPack; files: TestFile[] }> {
  const dice = new Dice(mulberry32(seed));
  const files: TestFile[] = [];
  for (const size of filmSizes) files.push(await binaryFile(randomBytes(dice, size)));
  const person = makePerson();
  const candidates = files.map((f, i) => makeCarer({ firstName: `Carer ${i + 1}`, photo: f.file.sha256, film: f.file.sha256 }));
  return { pack: { visit: makeVisit(person), person, candidates, files: files.map((f) => f.file) }, files };
}
