import { describe, expect, it } from 'vitest';
import { DownloadCutError, fileStreamOf, parseContentRange, UnexpectedFileResponseError } from '../../src/sync/file-stream';

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) bytes += chunk.length;
  return bytes;
}

describe('fileStreamOf', () => {
  it('reads where a 206 starts and the whole size from Content-Range', async () => {
    const response = new Response(new Uint8Array(10), { status: 206, headers: { 'content-range': 'bytes 90-99/100' } });
    const stream = fileStreamOf(response);
    expect(stream).toMatchObject({ start: 90, totalBytes: 100 });
    expect(await readAll(stream.chunks)).toBe(10);
  });

  it('treats a 200 as the whole file from byte 0, sized by Content-Length', () => {
    const response = new Response(new Uint8Array(5), { status: 200, headers: { 'content-length': '5' } });
    expect(fileStreamOf(response)).toMatchObject({ start: 0, totalBytes: 5 });
  });

  it('refuses a 206 that does not say which part it is', () => {
    expect(() => fileStreamOf(new Response('x', { status: 206 }))).toThrow(UnexpectedFileResponseError);
  });

  it('ends with DownloadCutError when the connection drops mid-body', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError('network error'));
        sent = true;
        controller.enqueue(new Uint8Array(3));
      },
    });
    await expect(readAll(fileStreamOf(new Response(body)).chunks)).rejects.toBeInstanceOf(DownloadCutError);
  });

  it('ends with DownloadCutError when no byte arrives for the stall time', async () => {
    const silent = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    await expect(readAll(fileStreamOf(new Response(silent), 20).chunks)).rejects.toBeInstanceOf(DownloadCutError);
  });

  it.each([
    ['bytes 0-9/10', { start: 0, total: 10 }],
    ['bytes 5-9/*', { start: 5, total: null }],
    ['bytes */10', null],
    ['items 0-9/10', null],
    [null, null],
  ])('parses Content-Range %s', (header, expected) => {
    expect(parseContentRange(header)).toEqual(expected);
  });
});
