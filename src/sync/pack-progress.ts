import type { VisitPack } from '../domain/visits';
import type { HearthDatabase } from '../local-db/database';
import { receivedBytesOf } from '../local-db/partial-files';
import { retryStorageOnce } from '../local-db/storage-errors';

/**
 * A visit's bytesStored while its pack downloads: files already stored plus the bytes saved so far of
 * files still arriving, so after a cut the organiser sees progress carry on from where it stopped.
 */
export class PackProgress {
  private constructor(
    private readonly db: HearthDatabase,
    private readonly visitId: string,
    private readonly bytesByFile: Map<string, number>,
  ) {}

  static async start(db: HearthDatabase, visitId: string, pack: VisitPack): Promise<PackProgress> {
    const bytesByFile = new Map<string, number>();
    for (const file of pack.files) {
      const stored = await db.files.get(file.sha256);
      bytesByFile.set(file.sha256, stored?.bytes === file.bytes ? file.bytes : await receivedBytesOf(db, file));
    }
    return new PackProgress(db, visitId, bytesByFile);
  }

  bytesStored(): number {
    let sum = 0;
    for (const bytes of this.bytesByFile.values()) sum += bytes;
    return sum;
  }

  /** Notes that `bytes` of a file are now saved on the tablet, and shows it. */
  async received(sha256: string, bytes: number): Promise<void> {
    this.bytesByFile.set(sha256, bytes);
    await retryStorageOnce(() => this.db.visits.update(this.visitId, { bytesStored: this.bytesStored() }));
  }
}
