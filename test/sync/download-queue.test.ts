import { describe, expect, it } from 'vitest';
import { runFileQueue } from '../../src/sync/download-queue';

const files = [
  { name: 'photo', bytes: 10 },
  { name: 'film A', bytes: 5000 },
  { name: 'voice', bytes: 50 },
  { name: 'film B', bytes: 5000 },
  { name: 'captions', bytes: 1 },
];

async function order(limit: number, fail?: string, keepGoing?: (error: unknown) => boolean) {
  const started: string[] = [];
  const result = await runFileQueue(
    files,
    limit,
    async (file) => {
      started.push(file.name);
      await new Promise((resolve) => setTimeout(resolve, file.bytes / 100));
      if (file.name === fail) throw new Error(`${fail} failed`);
    },
    keepGoing,
  ).then(
    () => 'ok',
    (error: Error) => error.message,
  );
  return { started, result };
}

describe('runFileQueue', () => {
  it('fetches the largest first on its own, and small files beside a film when two run at once', async () => {
    expect((await order(1)).started).toEqual(['film A', 'film B', 'voice', 'photo', 'captions']);
    expect((await order(2)).started).toEqual(['film A', 'captions', 'photo', 'voice', 'film B']);
  });

  it('starts no new file after a failure, unless told to keep going, and throws the first failure', async () => {
    expect(await order(1, 'film A')).toEqual({ started: ['film A'], result: 'film A failed' });
    expect(await order(1, 'film A', () => true)).toEqual({ started: ['film A', 'film B', 'voice', 'photo', 'captions'], result: 'film A failed' });
  });
});
