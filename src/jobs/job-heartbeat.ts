import { HEARTBEAT_MS } from './job-liveness';

/**
 * The running worker's "still at it" on the job row. A transaction step pauses it: the step records its
 * success on that same row when it commits, and a beat committed meanwhile would make a repeatable-read step
 * fail ("could not serialize access due to concurrent update"). While paused the site lock, which the worker
 * holds throughout, is what keeps the sweep from taking the job over.
 */
export class JobHeartbeat {
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly beat: () => Promise<void>,
    private readonly intervalMs = HEARTBEAT_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.inFlight = this.beat().catch(() => {}); // a missed beat is harmless: the next one follows
    }, this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs `work` with no beat in flight or started until it ends. */
  async pausedDuring<T>(work: () => Promise<T>): Promise<T> {
    const wasRunning = this.timer !== undefined;
    this.stop();
    await this.inFlight;
    try {
      return await work();
    } finally {
      if (wasRunning) this.start();
    }
  }
}
