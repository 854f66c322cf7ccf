export interface BatchWriterOptions<T> {
  /** Flush at once when items of this total size wait. */
  maxBatch: number;
  /** Else flush this long after the first item of a batch arrived. */
  maxDelayMs: number;
  /** An item's share of maxBatch (default 1): a caller's group of rows counts its rows. */
  sizeOf?: (item: T) => number;
  /**
   * Whether a batch that failed with this error may be one item's fault (default: always). Then the batch is
   * split until the failing item stands alone; an outage is better answered at once than retried row by row.
   */
  isolate?: (error: unknown) => boolean;
  /** Told of each write of half a failed batch (the metrics count them). */
  onRetry?: () => void;
  /** Told of rows (by sizeOf) whose add() failed, refused alone or by an outage. */
  onRefused?: (rows: number) => void;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items added within a few milliseconds are written by one statement, and each add() resolves
 * once its batch is stored. A burst of 1,000 analytics events costs a handful of round trips, and a caller
 * that awaits still knows its item is durable. One bad item fails only its own add(), never its neighbours'.
 */
export class BatchWriter<T> {
  private pending: Pending<T>[] = [];
  private pendingSize = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: BatchWriterOptions<T>,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.pendingSize += this.options.sizeOf?.(item) ?? 1;
      if (this.pendingSize >= this.options.maxBatch) this.flushNow();
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
    this.pendingSize = 0;
    const written = this.writeIsolated(batch);
    this.inFlight.add(written);
    void written.finally(() => this.inFlight.delete(written));
  }

  /** Writes the batch; if it fails, writes its halves apart, down to the one item that fails alone. */
  private async writeIsolated(batch: Pending<T>[]): Promise<void> {
    try {
      await this.write(batch.map((p) => p.item));
    } catch (error) {
      if (batch.length === 1 || !(this.options.isolate?.(error) ?? true)) {
        for (const p of batch) p.reject(error);
        this.options.onRefused?.(batch.reduce((rows, p) => rows + (this.options.sizeOf?.(p.item) ?? 1), 0));
        return;
      }
      // Halving rather than one write per item: a bad item among n costs about 2·log2(n) writes, not n, so
      // a visitor who finds one cannot make each of their events cost a batch's worth of statements.
      const half = Math.ceil(batch.length / 2);
      this.options.onRetry?.();
      await this.writeIsolated(batch.slice(0, half));
      this.options.onRetry?.();
      await this.writeIsolated(batch.slice(half));
      return;
    }
    for (const p of batch) p.resolve();
  }
}
