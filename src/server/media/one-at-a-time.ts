/** A task in the queue: it must stop soon after `signal` aborts (the server is closing). */
export type QueuedTask = (signal: AbortSignal) => Promise<void>;

/**
 * First in, first out, exactly one task running at a time: ffmpeg uses every core it is given, and two at
 * once on the office's small machine would make both slow and the API sluggish. Tasks handle their own
 * failures (a failed film marks its job failed); one that throws anyway does not stop those behind it.
 */
export class OneAtATime {
  private tail: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();
  private waiting = 0;

  constructor(private readonly onUnexpectedError: (error: unknown) => void = () => undefined) {}

  /** Tasks added, not yet finished (the one running included). */
  get size(): number {
    return this.waiting;
  }

  add(task: QueuedTask): void {
    this.waiting++;
    this.tail = this.tail.then(async () => {
      try {
        await task(this.stopping.signal);
      } catch (error) {
        this.onUnexpectedError(error);
      } finally {
        this.waiting--;
      }
    });
  }

  /** Aborts the running task, lets the ones behind it see the abort (and mark themselves failed), and waits for all. */
  async close(): Promise<void> {
    this.stopping.abort();
    await this.tail;
  }
}
