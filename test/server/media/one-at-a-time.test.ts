import { describe, expect, it } from 'vitest';
import { OneAtATime } from '../../../src/server/media/one-at-a-time';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OneAtATime', () => {
  it('runs tasks first in, first out, never two at once, and goes on after one throws', async () => {
    const errors: unknown[] = [];
    const queue = new OneAtATime((error) => errors.push(error));
    const log: string[] = [];
    let running = 0;
    for (const name of ['a', 'b', 'c', 'd']) {
      queue.add(async () => {
        running++;
        log.push(`${name}:${running}`);
        await tick();
        running--;
        if (name === 'b') throw new Error('b broke');
      });
    }
    expect(queue.size).toBe(4);
    await queue.close();
    expect(log).toEqual(['a:1', 'b:1', 'c:1', 'd:1']);
    expect(errors).toEqual([new Error('b broke')]);
    expect(queue.size).toBe(0);
  });

  it('on close, aborts the running task and lets the waiting ones see the abort', async () => {
    const queue = new OneAtATime();
    const seen: string[] = [];
    queue.add(async (signal) => {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      seen.push('first stopped');
    });
    queue.add(async (signal) => void seen.push(signal.aborted ? 'second saw the abort' : 'second ran'));
    await tick();
    await queue.close();
    expect(seen).toEqual(['first stopped', 'second saw the abort']);
  });
});
