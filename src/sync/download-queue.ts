/**
 * Runs `work` on every file, at most `limit` at once, in an order that keeps the link busy: the first
 * worker takes the largest file left, the others the smallest. Small files (photos, voices, captions)
 * each pay a round trip and some checking; fetched beside a film they cost almost nothing, whereas a
 * run of them alone leaves most of the link idle.
 * When `work` fails in a way `keepGoing` does not accept, no new file starts; the ones running are let
 * finish (their bytes are kept). The first failure is thrown once every started file has ended.
 */
export async function runFileQueue<T extends { bytes: number }>(
  files: readonly T[],
  limit: number,
  work: (file: T) => Promise<void>,
  keepGoing: (error: unknown) => boolean = () => false,
): Promise<void> {
  const queue = [...files].sort((a, b) => b.bytes - a.bytes); // stable: equal sizes keep the pack's order
  let failure: { error: unknown } | null = null;
  let stopped = false;
  const worker = async (index: number) => {
    while (!stopped && queue.length > 0) {
      const file = index === 0 ? queue.shift()! : queue.pop()!;
      await work(file).catch((error: unknown) => {
        failure ??= { error };
        if (!keepGoing(error)) stopped = true;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, files.length)) }, (_, i) => worker(i)));
  if (failure) throw (failure as { error: unknown }).error;
}
