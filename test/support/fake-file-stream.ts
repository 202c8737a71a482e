import { fileStreamOf } from '../../src/sync/file-stream';
import type { FileStream } from '../../src/sync/transport';

export interface FakeFileAnswer {
  /** 206 for a Range answer (with Content-Range), 200 for the whole file. */
  status: 200 | 206;
  /** The byte of the file the body starts at (only in Content-Range). */
  start: number;
  /** The whole file's size the office states (Content-Range total, or Content-Length of a 200). */
  totalBytes: number;
  /** Bytes per piece handed over, as a network delivers them in pieces. */
  chunkBytes?: number;
  /**
   * Asked before each piece: how many of its bytes get through before the connection is cut
   * (`piece.length` for all of it; fewer cuts the connection after them).
   */
  bytesBeforeCut?: (piece: Uint8Array) => number;
}

/**
 * A real Response whose body arrives in pieces and can be cut mid-way, read by the app's own
 * fileStreamOf: the fake office's answers go through the same parsing and cut handling as fetch's.
 */
export function fakeFileStream(body: Uint8Array<ArrayBuffer>, answer: FakeFileAnswer): FileStream {
  const chunkBytes = answer.chunkBytes ?? 16 * 1024;
  let at = 0;
  let cut = false;
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      // What fetch does when the connection drops mid-body. On the pull after the last bytes, so the
      // tablet reads every byte that was sent (erroring clears what is queued but unread).
      if (cut) return controller.error(new TypeError('network error'));
      if (at >= body.length) return controller.close();
      const piece = body.slice(at, at + chunkBytes);
      const through = Math.min(piece.length, answer.bytesBeforeCut?.(piece) ?? piece.length);
      at += through;
      cut = through < piece.length;
      if (through > 0) controller.enqueue(piece.slice(0, through));
      else controller.error(new TypeError('network error'));
    },
  });
  const headers = new Headers({ 'content-type': 'application/octet-stream' });
  if (answer.status === 206) headers.set('content-range', `bytes ${answer.start}-${answer.start + body.length - 1}/${answer.totalBytes}`);
  else headers.set('content-length', String(answer.totalBytes));
  return fileStreamOf(new Response(stream, { status: answer.status, headers }));
}
