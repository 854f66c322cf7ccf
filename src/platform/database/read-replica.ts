import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { SESSION_OPTIONS } from './data-source';
import { Metrics, type ReplicaFallback, type ReplicaLag } from '../metrics/metrics';

// After a failure reads skip the replica for this long, doubling per failed probe up to the cap: a dead
// replica costs one failed read, then nothing per request, and a recovered one is back within the cap.
const BACKOFF_MS = { first: 1000, max: 15_000 };
// A replica that does not answer fast is no better than the primary: give up on it soon and fall back.
const REPLICA_POOL = {
  max: 10,
  application_name: 'promote-read',
  options: SESSION_OPTIONS,
  connectionTimeoutMillis: 1000,
  query_timeout: 5000,
};

/**
 * The optional read replica (DATABASE_READ_URL): a streaming standby of the primary. Reads that can tell
 * whether the replica has caught up with what they need (immutable states, see public-site/content-reads.ts)
 * run there; a replica that is unset, not connected yet, failing or backing off sends them to the primary.
 */
@Injectable()
export class ReadReplica implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReadReplica.name);
  private replica: DataSource | null = null;
  private up = false;
  private backoffMs = BACKOFF_MS.first;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly primary: DataSource,
    private readonly metrics: Metrics,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.databaseReadUrl) return;
    this.metrics.watchReplica(
      () => this.up,
      () => this.lag(),
    );
    // In the background: boot neither waits for the replica nor fails without it.
    void this.probe();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.replica?.destroy().catch(() => undefined);
  }

  /**
   * `work` on the replica when it answers, else on the primary. `caughtUp(result, tx)` says whether the
   * replica's answer can be trusted (it runs on the same connection as `work`); false runs `work` again on
   * the primary. A replica that stops answering backs off, so the next reads go straight to the primary.
   */
  async read<T>(
    work: (tx: EntityManager) => Promise<T>,
    caughtUp: (result: T, tx: EntityManager) => Promise<boolean>,
  ): Promise<T> {
    if (!this.config.databaseReadUrl) return work(this.primary.manager);
    if (!this.up || !this.replica) return this.onPrimary(work, 'unavailable');
    const runner = this.replica.createQueryRunner();
    let ready: { result: T } | null = null;
    try {
      const result = await work(runner.manager);
      if (await caughtUp(result, runner.manager)) ready = { result };
    } catch (error) {
      if (isOutage(error)) this.failed(error);
      return this.onPrimary(work, 'error');
    } finally {
      await runner.release().catch(() => undefined);
    }
    if (!ready) return this.onPrimary(work, 'behind');
    this.metrics.replicaRead('replica');
    return ready.result;
  }

  private onPrimary<T>(work: (tx: EntityManager) => Promise<T>, reason: ReplicaFallback) {
    this.metrics.replicaRead(reason);
    return work(this.primary.manager);
  }

  private failed(error: unknown): void {
    if (!this.up) return; // reads already in flight when it failed: one back-off, not one per read
    this.up = false;
    this.logger.warn(`Read replica failed, reading from the primary: ${(error as Error).message ?? error}`);
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    this.retry = setTimeout(() => void this.probe(), this.backoffMs);
    this.retry.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MS.max);
  }

  private async probe(): Promise<void> {
    this.retry = null;
    try {
      if (!this.replica?.isInitialized) this.replica = await this.connect();
      await this.replica.query('select 1');
      if (this.closed) return void (await this.replica.destroy());
      this.backoffMs = BACKOFF_MS.first;
      this.up = true;
      this.logger.log('Reading immutable states from the read replica');
    } catch {
      this.schedule();
    }
  }

  private async connect(): Promise<DataSource> {
    const replica = new DataSource({
      type: 'postgres',
      url: this.config.databaseReadUrl,
      synchronize: false,
      migrationsRun: false,
      installExtensions: false,
      extra: REPLICA_POOL,
      // A dropped idle connection is not news: the next read on it fails and backs off.
      poolErrorHandler: () => undefined,
    });
    await replica.initialize();
    return replica;
  }

  /**
   * The replica's replay lag: how long ago it replayed its last transaction while WAL waits (0 when it has
   * replayed all it received), and how far its replay position is behind the primary's WAL.
   */
  private async lag(): Promise<ReplicaLag | null> {
    if (!this.up || !this.replica) return null;
    const [standby] = await this.replica.query(
      `select pg_last_wal_replay_lsn()::text as lsn,
         case when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
              else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end::float8 as seconds`,
    );
    const [primary] = standby.lsn
      ? await this.primary.query(`select pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::float8 as bytes`, [
          standby.lsn,
        ])
      : [{ bytes: null }];
    return { seconds: Math.max(0, standby.seconds), bytes: primary.bytes === null ? null : Math.max(0, primary.bytes) };
  }
}

// The server answered with an error of this query (a replay conflict cancelled it, say): that read goes to the
// primary and the next still try the replica. No answer at all, or a server shutting down or starting: back off.
function isOutage(error: unknown): boolean {
  const driver = (error as { driverError?: unknown }).driverError ?? error;
  return !(driver instanceof DatabaseError) || /^(08|57P)/.test(driver.code ?? '');
}
