export interface BatchWriterOptions {
  /** Flush at once when this many items wait. */
  maxBatch: number;
  /** Else flush this long after the first item of a batch arrived. */
  maxDelayMs: number;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items added within a few milliseconds are written by one statement, and each add() resolves
 * once its batch is stored. A burst of 1,000 analytics events costs a handful of round trips, and a caller
 * that awaits still knows its item is durable.
 */
export class BatchWriter<T> {
  private pending: Pending<T>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: BatchWriterOptions,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch) this.flushNow();
      else this.timer ??= setTimeout(() => this.flushNow(), this.options.maxDelayMs);
    });
  }

  /** Writes what waits and waits for every write under way (for shutdown). */
  async flush(): Promise<void> {
    this.flushNow();
    await Promise.allSettled([...this.inFlight]);
  }

  private flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const written = this.write(batch.map((p) => p.item)).then(
      () => batch.forEach((p) => p.resolve()),
      (error) => batch.forEach((p) => p.reject(error)),
    );
    this.inFlight.add(written);
    void written.finally(() => this.inFlight.delete(written));
  }
}
