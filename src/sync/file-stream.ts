import type { FileStream } from './transport';

/** No byte arrived for this long: the connection is treated as cut (a dead link can stay open for minutes). */
export const FILE_STALL_MS = 30_000;

/** A file's bytes stopped arriving before the end: what did arrive is kept, and the next try carries on. */
export class DownloadCutError extends Error {
  constructor() {
    super('The download was cut off. Hearth will carry on from where it stopped.');
    this.name = 'DownloadCutError';
  }
}

/** The office answered a file request in a way Hearth cannot resume from. */
export class UnexpectedFileResponseError extends Error {
  constructor() {
    super('The office sent a part of a file Hearth did not ask for. Try again.');
    this.name = 'UnexpectedFileResponseError';
  }
}

/** `bytes 100-199/1000` → start 100 and total 1000; anything else is null. */
export function parseContentRange(header: string | null): { start: number; total: number | null } | null {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim()) : null;
  if (!match) return null;
  return { start: Number(match[1]), total: match[3] === '*' ? null : Number(match[3]) };
}

/** Reads a 200 or 206 media response as a FileStream (no fetch here: the transport makes the request). */
export function fileStreamOf(response: Response, stallMs = FILE_STALL_MS): FileStream {
  let start = 0;
  let totalBytes: number | null = null;
  if (response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (!range) throw new UnexpectedFileResponseError();
    ({ start, total: totalBytes } = range);
  } else {
    const length = response.headers.get('content-length');
    totalBytes = length !== null && /^\d+$/.test(length) ? Number(length) : null;
  }
  const body = response.body as ReadableStream<Uint8Array<ArrayBuffer>> | null;
  const reader = body?.getReader();
  const cancel = async () => {
    await reader?.cancel().catch(() => undefined);
  };

  async function* chunks(): AsyncGenerator<Uint8Array<ArrayBuffer>> {
    if (!reader) return;
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await readWithin(reader, stallMs);
        if (done) {
          finished = true;
          return;
        }
        yield value;
      }
    } finally {
      // Stopped early (a break, or an error): let go of the connection.
      if (!finished) await cancel();
    }
  }
  return { start, totalBytes, chunks: chunks(), cancel };
}

async function readWithin<T>(reader: ReadableStreamDefaultReader<T>, ms: number): Promise<ReadableStreamReadResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DownloadCutError()), ms);
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } catch (error) {
    if (error instanceof DownloadCutError) throw error;
    // fetch reports a dropped connection as a TypeError (or an AbortError when its timeout ends it).
    throw new DownloadCutError();
  } finally {
    clearTimeout(timer);
  }
}
