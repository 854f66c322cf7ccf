import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { waitAtMost } from '../redis/wait-at-most';

// A scrape must answer even with Redis or the database hung: a source slower than this leaves its series out.
const SCRAPE_SOURCE_MS = 1000;
// From a fast promotion's tens of milliseconds to a 100,000-entity import's minutes.
const JOB_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];
// The window is milliseconds (aim: 2 ms); a post-swap check stretches it to a few hundred, a dead worker to 5 s.
const WINDOW_SECONDS = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Outcome = 'succeeded' | 'failed' | 'cancelled' | 'rolled_back';
export type DeliveryResult = 'succeeded' | 'retry' | 'failed';
export type HeadCatchup = 'caught_up' | 'refuted' | 'throttled' | 'forged';
/** Why a read meant for the replica went to the primary: see platform/database/read-replica.ts. */
export type ReplicaFallback = 'behind' | 'error' | 'unavailable';
export interface ReplicaLag {
  seconds: number;
  bytes: number | null;
}

/**
 * This process's Prometheus metrics (one registry per app, so two apps in one test process never collide).
 * Labels are kinds and outcomes only: never a site, a token or a path, which would leak or explode cardinality.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly queues: Queue[] = [];
  private stalledJobs: (() => Promise<number>) | null = null;

  private readonly jobsFinished = new Counter({
    name: 'promote_jobs_finished_total',
    help: 'Jobs that ended, by kind and final status',
    labelNames: ['kind', 'status'],
    registers: [this.registry],
  });
  private readonly jobSeconds = new Histogram({
    name: 'promote_job_duration_seconds',
    help: 'From when a job was due (created, or its runAt) to its end, for jobs that ran',
    labelNames: ['kind'],
    buckets: JOB_SECONDS,
    registers: [this.registry],
  });
  private readonly windowSeconds = new Histogram({
    name: 'promote_maintenance_window_seconds',
    help: "Production's maintenance window as the job that swapped recorded it (swap and post-swap check)",
    buckets: WINDOW_SECONDS,
    registers: [this.registry],
  });
  // Counted on the cached-page fast path: a plain increment (a labelled inc costs ~200 ns), read at scrape time.
  private readonly renderLookups = { hit: 0, miss: 0 };
  // Counted on every uncached read of a state the same way: plain increments, read at scrape time.
  private readonly replicaReads = { replica: 0, behind: 0, error: 0, unavailable: 0 };
  private readonly batchRetries = new Counter({
    name: 'promote_batch_retries_total',
    help: 'Writes of half a failed batch, made to find the rows the database refuses',
    labelNames: ['writer'],
    registers: [this.registry],
  });
  private readonly batchRowsRefused = new Counter({
    name: 'promote_batch_rows_refused_total',
    help: 'Rows a batch writer could not store (refused alone, or the database unreachable)',
    labelNames: ['writer'],
    registers: [this.registry],
  });
  private readonly headCatchups = new Counter({
    name: 'promote_head_catchups_total',
    help:
      "Visitors whose version cookie was ahead of this node's production head: read from the database (caught_up), " +
      'still ahead of it (refuted), not read again so soon after that (throttled), or not signed by us (forged)',
    labelNames: ['result'],
    registers: [this.registry],
  });
  private readonly webhookDeliveries = new Counter({
    name: 'promote_webhook_deliveries_total',
    help: 'Webhook delivery attempts: succeeded, failed and retried later (retry), or failed for good (failed)',
    labelNames: ['result'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'promote_' });
    const lookups = this.renderLookups;
    new Counter({
      name: 'promote_render_cache_total',
      help: "Visitors' page requests answered from the render cache (hit) or rendered (miss)",
      labelNames: ['result'],
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, lookups.hit);
        this.inc({ result: 'miss' }, lookups.miss);
      },
    });
    const queues = this.queues;
    new Gauge({
      name: 'promote_queue_jobs',
      help: "Entries of this process's BullMQ queues by state, read from Redis at scrape time",
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const counts = await Promise.all(queues.map((q) => waitAtMost(q.getJobCounts(), SCRAPE_SOURCE_MS, null)));
        queues.forEach((queue, i) => {
          for (const [state, count] of Object.entries(counts[i] ?? {})) this.set({ queue: queue.name, state }, count);
        });
      },
    });
    const stalled = () => this.stalledJobs?.() ?? Promise.resolve(null);
    new Gauge({
      name: 'promote_stalled_jobs',
      help: "Running jobs whose worker stopped beating (the sweep's threshold): a dead worker's, until taken over",
      registers: [this.registry],
      async collect() {
        this.reset();
        const count = await waitAtMost(stalled(), SCRAPE_SOURCE_MS, null);
        if (count !== null) this.set(count);
      },
    });
  }

  /** The exposition text of every metric, gauges read now. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  /** Queues whose depth the scrape reports (each owner registers its own). */
  watchQueues(...queues: Queue[]): void {
    this.queues.push(...queues);
  }

  /** How the scrape counts stalled jobs (the jobs feature owns the query). */
  watchStalledJobs(count: () => Promise<number>): void {
    this.stalledJobs = count;
  }

  /**
   * The read replica's series, registered only in a process that has one (none means no replica, not a down
   * one). `up` says whether reads go to it now; `lag` measures it (null: it cannot be asked now).
   */
  watchReplica(up: () => boolean, lag: () => Promise<ReplicaLag | null>): void {
    const reads = this.replicaReads;
    new Counter({
      name: 'promote_replica_reads_total',
      help: "The public site's reads of a state that the read replica answered",
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(reads.replica);
      },
    });
    new Counter({
      name: 'promote_replica_fallbacks_total',
      help: 'Reads meant for the replica that the primary answered: behind (the state is not there yet), error, unavailable (backing off)',
      labelNames: ['reason'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const reason of ['behind', 'error', 'unavailable'] as const) this.inc({ reason }, reads[reason]);
      },
    });
    new Gauge({
      name: 'promote_replica_up',
      help: 'Whether reads go to the read replica now (1) or to the primary while it backs off (0)',
      registers: [this.registry],
      collect() {
        this.set(up() ? 1 : 0);
      },
    });
    // Both lag gauges come from one measurement: the first of a scrape's collects starts it, the other joins it.
    // Unmeasurable (the replica down) reads NaN: an unknown lag, never a made-up 0.
    let measuring: Promise<ReplicaLag | null> | null = null;
    const measure = () =>
      (measuring ??= waitAtMost(lag(), SCRAPE_SOURCE_MS, null)
        .catch(() => null)
        .finally(() => setImmediate(() => (measuring = null))));
    new Gauge({
      name: 'promote_replica_lag_seconds',
      help: 'How long ago the replica replayed its last transaction while WAL waits to be replayed (0 when caught up)',
      registers: [this.registry],
      async collect() {
        this.set((await measure())?.seconds ?? NaN);
      },
    });
    new Gauge({
      name: 'promote_replica_lag_bytes',
      help: "WAL the replica has not replayed yet: the primary's current position minus the replica's replay position",
      registers: [this.registry],
      async collect() {
        this.set((await measure())?.bytes ?? NaN);
      },
    });
  }

  /** A read of a state: answered by the replica, or by the primary for this reason. */
  replicaRead(result: 'replica' | ReplicaFallback): void {
    this.replicaReads[result]++;
  }

  /** A job ended: its status, the time since it was due (null: it never ran), its maintenance window. */
  jobFinished(kind: string, status: Outcome, seconds: number | null, maintenanceSeconds?: number): void {
    this.jobsFinished.inc({ kind, status });
    if (seconds !== null) this.jobSeconds.observe({ kind }, Math.max(0, seconds));
    if (maintenanceSeconds !== undefined) this.windowSeconds.observe(maintenanceSeconds);
  }

  headCatchup(result: HeadCatchup): void {
    this.headCatchups.inc({ result });
  }

  renderCacheLookup(hit: boolean): void {
    if (hit) this.renderLookups.hit++;
    else this.renderLookups.miss++;
  }

  /** The callbacks a framework-free BatchWriter takes, counted under `writer`. */
  batchWriterHooks(writer: string): { onRetry: () => void; onRefused: (rows: number) => void } {
    const retries = this.batchRetries.labels(writer);
    const refused = this.batchRowsRefused.labels(writer);
    retries.inc(0);
    refused.inc(0);
    return { onRetry: () => retries.inc(), onRefused: (rows) => refused.inc(rows) };
  }

  webhookDelivery(result: DeliveryResult): void {
    this.webhookDeliveries.inc({ result });
  }
}
