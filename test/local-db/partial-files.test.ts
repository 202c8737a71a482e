import { describe, expect, it } from 'vitest';
import {
  appendPart,
  assemblePartial,
  completePartial,
  PartialChangedError,
  receivedBytesOf,
  resumePoint,
} from '../../src/local-db/partial-files';
import { freshDb } from '../support/test-db';

const file = { sha256: 'a'.repeat(64), type: 'video/mp4', bytes: 10 };
const now = new Date('2026-11-24T10:00:00Z');
const bytes = (from: number, to: number) => Uint8Array.from({ length: to - from }, (_, i) => from + i);

describe('partial files', () => {
  it('keeps the parts in order and resumes after the last one', async () => {
    const db = freshDb();
    expect(await resumePoint(db, file, now)).toBe(0);
    await appendPart(db, file.sha256, 0, new Blob([bytes(0, 4)]), now);
    await appendPart(db, file.sha256, 4, new Blob([bytes(4, 7)]), now);
    expect(await resumePoint(db, file, now)).toBe(7);
    expect(await receivedBytesOf(db, file)).toBe(7);
    const blob = await assemblePartial(db, file);
    expect(blob.type).toBe('video/mp4');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes(0, 7));
  });

  it('refuses a part that would leave a gap or overlap', async () => {
    const db = freshDb();
    await resumePoint(db, file, now);
    await appendPart(db, file.sha256, 0, new Blob([bytes(0, 4)]), now);
    await expect(appendPart(db, file.sha256, 3, new Blob([bytes(3, 5)]), now)).rejects.toBeInstanceOf(PartialChangedError);
    await expect(appendPart(db, file.sha256, 5, new Blob([bytes(5, 6)]), now)).rejects.toBeInstanceOf(PartialChangedError);
    expect(await receivedBytesOf(db, file)).toBe(4);
  });

  it('starts again when the manifest now promises another size, or the parts do not add up', async () => {
    const db = freshDb();
    await resumePoint(db, file, now);
    await appendPart(db, file.sha256, 0, new Blob([bytes(0, 4)]), now);
    expect(await resumePoint(db, { ...file, bytes: 12 }, now)).toBe(0);
    expect(await db.partialParts.count()).toBe(0);

    await appendPart(db, file.sha256, 0, new Blob([bytes(0, 4)]), now);
    await db.partialFiles.update(file.sha256, { receivedBytes: 3 });
    expect(await resumePoint(db, { ...file, bytes: 12 }, now)).toBe(0);
  });

  it('moves a complete file into files and deletes its partial in one step', async () => {
    const db = freshDb();
    await resumePoint(db, file, now);
    await appendPart(db, file.sha256, 0, new Blob([bytes(0, 10)]), now);
    await completePartial(db, file, await assemblePartial(db, file), now);
    expect((await db.files.get(file.sha256))?.bytes).toBe(10);
    expect([await db.partialFiles.count(), await db.partialParts.count()]).toEqual([0, 0]);
    // A second completion (another tab got there first) changes nothing.
    await expect(completePartial(db, file, new Blob([bytes(0, 10)]), now)).rejects.toBeInstanceOf(PartialChangedError);
  });
});
