/** What one item of a batch came to: its value, or the error for it alone. */
export type ItemResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatchOptions<I> {
  /** How much an item counts towards maxWeight (default 1). */
  weight?: (item: I) => number;
  /** A batch stops growing here (an item heavier than this still goes, alone). */
  maxWeight?: number;
}

/**
 * Group commit for any database work: an item that arrives while a batch is running waits, and the
 * next batch takes everything waiting, in the order it arrived. A lone item goes at once, so nothing
 * waits for company; under load, one database turn serves many callers. Batches run one at a time.
 *
 * `work` answers each item in order (an error for one item goes to that caller alone). If it fails as
 * a whole, each item of the batch is tried again on its own, so one item's trouble reaches only its caller.
 */
export function batchWhileBusy<I, O>(work: (items: readonly I[]) => Promise<ItemResult<O>[]>, options: BatchOptions<I> = {}): (item: I) => Promise<O> {
  const weight = options.weight ?? (() => 1);
  const maxWeight = options.maxWeight ?? Infinity;
  interface Waiting {
    item: I;
    resolve(value: O): void;
    reject(error: unknown): void;
  }
  let waiting: Waiting[] = [];
  let running = false;

  function takeBatch(): Waiting[] {
    let total = 0;
    let n = 0;
    while (n < waiting.length && (n === 0 || total + weight(waiting[n]!.item) <= maxWeight)) {
      total += weight(waiting[n]!.item);
      n += 1;
    }
    const batch = waiting.slice(0, n);
    waiting = waiting.slice(n);
    return batch;
  }

  async function run(batch: readonly Waiting[]): Promise<void> {
    let results: ItemResult<O>[];
    try {
      results = await work(batch.map((w) => w.item));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const one of batch) await run([one]);
      return;
    }
    for (const [n, { resolve, reject }] of batch.entries()) {
      const result = results[n];
      if (!result) reject(new Error('batchWhileBusy: the work gave no answer for this item'));
      else if (result.ok) resolve(result.value);
      else reject(result.error);
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.length > 0) await run(takeBatch());
    } finally {
      running = false;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
