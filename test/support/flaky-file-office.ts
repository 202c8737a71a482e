import { ApiFailure, type FileStream } from '../../src/sync/transport';
import { fakeFileStream } from './fake-file-stream';
import { FakeOffice } from './fake-transport';

/** What the office sends for a file request instead of the real bytes (the body from `start`, and the size it claims). */
export type FileAlteration = (request: { sha256: string; body: Uint8Array<ArrayBuffer>; start: number; totalBytes: number }) => {
  body: Uint8Array<ArrayBuffer>;
  totalBytes: number;
};

/**
 * A FakeOffice whose file answers can be cut, ignore Range, refuse a range, or carry other bytes,
 * and which counts the body bytes it has sent (what the link carried).
 */
export class FlakyFileOffice extends FakeOffice {
  bytesSent = 0;
  /** When this many body bytes have been sent in all, the connection drops and the office is unreachable. */
  cutAtBytesSent: number | null = null;
  /** Called at the moment of a cut, before the tablet hears of it (e.g. to close the app's database). */
  onCut: () => void = () => undefined;
  /** Answer Range requests with the whole file (200), as some proxies do. */
  ignoreRange = false;
  /** Refuse the next N Range requests with 416, as after the file changed at the office. */
  refuseRanges = 0;
  chunkBytes = 4 * 1024;
  alter: FileAlteration | null = null;

  protected override answerFile(sha256: string, bytes: Uint8Array<ArrayBuffer>, fromByte: number): FileStream {
    if (fromByte > 0 && this.refuseRanges > 0) {
      this.refuseRanges -= 1;
      throw new ApiFailure(416, 'range-not-satisfiable', 'That part of the file does not exist.');
    }
    if (fromByte > 0 && fromByte >= bytes.length && !this.ignoreRange) return super.answerFile(sha256, bytes, fromByte);
    const start = this.ignoreRange ? 0 : fromByte;
    let answer = { body: bytes.slice(start), totalBytes: bytes.length };
    if (this.alter) answer = this.alter({ sha256, start, ...answer });
    return fakeFileStream(answer.body, {
      status: start > 0 ? 206 : 200,
      start,
      totalBytes: answer.totalBytes,
      chunkBytes: this.chunkBytes,
      bytesBeforeCut: (piece) => this.carry(piece.length),
    });
  }

  /** How much of a piece of `length` bytes gets through before a planned cut. */
  private carry(length: number): number {
    const room = this.cutAtBytesSent === null ? length : Math.max(0, this.cutAtBytesSent - this.bytesSent);
    const through = Math.min(length, room);
    this.bytesSent += through;
    if (through < length) {
      this.cutAtBytesSent = null;
      this.online = false;
      this.onCut();
    }
    return through;
  }
}
