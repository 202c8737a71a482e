import { describe, expect, it } from 'vitest';
import { batchWhileBusy, type ItemResult } from '../../../src/server/database/batch-while-busy';

/** Work that records each batch and answers each item doubled, after a turn of the event loop. */
function doubling(fail: (items: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const work = async (items: readonly number[]): Promise<ItemResult<number>[]> => {
    batches.push([...items]);
    await new Promise((resolve) => setImmediate(resolve));
    if (fail(items)) throw new Error('the database went away');
    return items.map((n) => (n < 0 ? { ok: false, error: new Error(`no negatives: ${n}`) } : { ok: true, value: n * 2 }));
  };
  return { batches, work };
}

describe('batchWhileBusy', () => {
  it('sends a lone item at once, and those that arrive meanwhile together, in order', async () => {
    const { batches, work } = doubling();
    const run = batchWhileBusy(work);
    expect(await Promise.all([1, 2, 3, 4].map(run))).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('stops a batch at maxWeight, but never leaves a heavy item behind', async () => {
    const { batches, work } = doubling();
    const run = batchWhileBusy(work, { weight: (n) => n, maxWeight: 5 });
    await Promise.all([1, 2, 3, 9, 1].map(run));
    expect(batches).toEqual([[1], [2, 3], [9], [1]]);
  });

  it('gives an item its own error, and the others their values', async () => {
    const { work } = doubling();
    const run = batchWhileBusy(work);
    const settled = await Promise.allSettled([1, -2, 3].map(run));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('tries each item of a batch that failed as a whole on its own', async () => {
    const { batches, work } = doubling((items) => items.length > 1);
    const run = batchWhileBusy(work);
    expect(await Promise.all([1, 2, 3].map(run))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1], [2, 3], [2], [3]]);
  });

  it('rejects a lone item whose work fails', async () => {
    const { work } = doubling(() => true);
    await expect(batchWhileBusy(work)(1)).rejects.toThrow('the database went away');
  });
});
