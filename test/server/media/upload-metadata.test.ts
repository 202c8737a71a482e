import { describe, expect, it } from 'vitest';
import { parseUploadMetadata } from '../../../src/server/media/upload-metadata';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('parseUploadMetadata (tus Upload-Metadata)', () => {
  it('decodes each base64 value, a key alone being empty', () => {
    expect(parseUploadMetadata(`kind ${b64('film')},filename ${b64('Siân’s film.mp4')},empty`)).toEqual({
      kind: 'film',
      filename: 'Siân’s film.mp4',
      empty: '',
    });
    expect(parseUploadMetadata(undefined)).toEqual({});
  });

  it.each([
    ['a value that is not base64', 'kind fi*lm'],
    ['a pair with a third part', `kind ${b64('film')} extra`],
    ['the same key twice', `kind ${b64('film')},kind ${b64('photo')}`],
    ['a key with a space or control character', `kind\u0001 ${b64('film')}`],
  ])('refuses %s', (_what, header) => {
    expect(parseUploadMetadata(header)).toBeNull();
  });
});
