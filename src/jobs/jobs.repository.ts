import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';
import type { JobKind } from './job-names';
import type { FinalStatus, JobActor, JobRow, JobStatus, JobStep } from './job.types';

const COLUMNS = `id, site_id as "siteId", kind, status, step, progress, steps, params, result,
  from_version::int as "fromVersion", to_version::int as "toVersion", snapshot_id as "snapshotId", timings, error,
  actor, attempts, created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt",
  run_at as "runAt", heartbeat_at as "heartbeatAt"`;

@Injectable()
export class JobsRepository {
  async insert(
    tx: EntityManager,
    values: {
      siteId: string | null;
      kind: JobKind;
      params: object;
      actor: JobActor;
      steps: JobStep[];
      fromVersion?: number;
      /** A scheduled job (status `scheduled`) fires then; without it the job is queued. */
      runAt?: Date;
    },
  ): Promise<JobRow> {
    const [row] = await tx.query(
      `insert into jobs (site_id, kind, params, actor, steps, from_version, status, run_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
      [
        values.siteId,
        values.kind,
        values.params,
        values.actor,
        JSON.stringify(values.steps),
        values.fromVersion ?? null,
        values.runAt ? 'scheduled' : 'queued',
        values.runAt ?? null,
      ],
    );
    return row;
  }

  async find(tx: EntityManager, id: string): Promise<JobRow | null> {
    const rows = await tx.query(`select ${COLUMNS} from jobs where id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findOpenForSite(tx: EntityManager, siteId: string): Promise<JobRow | null> {
    const rows = await tx.query(`select ${COLUMNS} from jobs where site_id = $1 and status in ('queued', 'running')`, [
      siteId,
    ]);
    return rows[0] ?? null;
  }

  async findScheduledForSite(tx: EntityManager, siteId: string): Promise<JobRow | null> {
    const rows = await tx.query(`select ${COLUMNS} from jobs where site_id = $1 and status = 'scheduled'`, [siteId]);
    return rows[0] ?? null;
  }

  /** Scheduled jobs whose time has come (one range scan of jobs_scheduled_run_at). */
  async listDue(tx: EntityManager, limit = 100): Promise<JobRow[]> {
    return tx.query(
      `select ${COLUMNS} from jobs where status = 'scheduled' and run_at <= now() order by run_at limit $1`,
      [limit],
    );
  }

  /**
   * A scheduled job becomes queued, saying how late it fires (`result.lateByMs`, from run_at to now on the
   * database's clock), or null when it is no longer scheduled or is not due within `earlyMs`.
   */
  async activateScheduled(
    tx: EntityManager,
    id: string,
    limits: { earlyMs: number; lateAfterMs: number },
  ): Promise<JobRow | null> {
    const rows = await queryRows<JobRow>(
      tx,
      `update jobs set status = 'queued', heartbeat_at = now(),
         result = result || jsonb_build_object('lateByMs', late.ms, 'late', late.ms > $3)
       from (select greatest(0, round(extract(epoch from now() - run_at) * 1000))::int as ms from jobs where id = $1) late
       where id = $1 and status = 'scheduled' and run_at <= now() + make_interval(secs => $2) returning ${COLUMNS}`,
      [id, limits.earlyMs / 1000, limits.lateAfterMs],
    );
    return rows[0] ?? null;
  }

  /** Ends a job that is still scheduled as cancelled; null when it fired or ended meanwhile. */
  async cancelScheduled(tx: EntityManager, id: string, error: NonNullable<JobRow['error']>): Promise<JobRow | null> {
    const rows = await queryRows<JobRow>(
      tx,
      `update jobs set status = 'cancelled', error = $2, finished_at = now() where id = $1 and status = 'scheduled'
       returning ${COLUMNS}`,
      [id, JSON.stringify(error)],
    );
    return rows[0] ?? null;
  }

  /** How many running jobs nobody beat for in `seconds` (a range scan of jobs_open_heartbeat, like listStale). */
  async countStale(tx: EntityManager, seconds: number): Promise<number> {
    const [row] = await tx.query(
      `select count(*)::int as count from jobs where status = 'running'
         and heartbeat_at < now() - make_interval(secs => $1)`,
      [seconds],
    );
    return row.count;
  }

  /** Open jobs whose heartbeat is older than `seconds` (one indexed range scan of jobs_open_heartbeat). */
  async listStale(tx: EntityManager, seconds: number, limit = 100): Promise<JobRow[]> {
    return tx.query(
      `select ${COLUMNS} from jobs where status in ('queued', 'running')
         and heartbeat_at < now() - make_interval(secs => $1) order by heartbeat_at limit $2`,
      [seconds, limit],
    );
  }

  /** The job if it is still running with a heartbeat older than `seconds` (re-read under its site lock). */
  async findAbandoned(tx: EntityManager, id: string, seconds: number): Promise<JobRow | null> {
    const rows = await tx.query(
      `select ${COLUMNS} from jobs where id = $1 and status = 'running'
         and heartbeat_at < now() - make_interval(secs => $2)`,
      [id, seconds],
    );
    return rows[0] ?? null;
  }

  /**
   * Someone vouches for the open job until `aheadMs` from now: its worker (every second), a sweep that saw it
   * queued, or a worker that will retry it after a backoff.
   */
  async beat(tx: EntityManager, id: string, aheadMs = 0): Promise<void> {
    await tx.query(
      `update jobs set heartbeat_at = now() + make_interval(secs => $2) where id = $1 and status in ('queued', 'running')`,
      [id, aheadMs / 1000],
    );
  }

  /**
   * A sweep saw the job waiting in the queue: look again in STALE_SECONDS. Only while it is still queued: a
   * worker may have started it since the sweep listed it, and a write to its row during its repeatable-read
   * step would make that step fail to serialize.
   */
  async vouchForQueued(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`update jobs set heartbeat_at = now() where id = $1 and status = 'queued'`, [id]);
  }

  async listForSite(
    tx: EntityManager,
    siteId: string,
    kinds: JobKind[],
    page: { limit: number; before?: Date; status?: JobStatus },
  ): Promise<JobRow[]> {
    return tx.query(
      `select ${COLUMNS} from jobs where site_id = $1 and kind = any($2) and ($3::timestamptz is null or created_at < $3)
         and ($5::text is null or status = $5)
       order by created_at desc limit $4`,
      [siteId, kinds, page.before ?? null, page.limit, page.status ?? null],
    );
  }

  async markRunning(tx: EntityManager, id: string): Promise<JobRow | null> {
    const rows = await queryRows<JobRow>(
      tx,
      `update jobs set status = 'running', started_at = coalesce(started_at, now()), attempts = attempts + 1,
         heartbeat_at = now()
       where id = $1 and status in ('queued', 'running') returning ${COLUMNS}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async saveProgress(
    tx: EntityManager,
    id: string,
    progress: { step: string | null; progress: number; steps: JobStep[] },
  ): Promise<void> {
    await tx.query(`update jobs set step = $2, progress = $3, steps = $4 where id = $1`, [
      id,
      progress.step,
      progress.progress,
      JSON.stringify(progress.steps),
    ]);
  }

  async update(
    tx: EntityManager,
    id: string,
    values: Partial<Pick<JobRow, 'fromVersion' | 'toVersion' | 'snapshotId' | 'timings' | 'result'>>,
  ): Promise<void> {
    await tx.query(
      `update jobs set from_version = coalesce($2, from_version), to_version = coalesce($3, to_version),
         snapshot_id = coalesce($4, snapshot_id), timings = case when $5::jsonb is null then timings else coalesce(timings, '{}'::jsonb) || $5::jsonb end, result = result || coalesce($6, '{}'::jsonb)
       where id = $1`,
      [
        id,
        values.fromVersion ?? null,
        values.toVersion ?? null,
        values.snapshotId ?? null,
        values.timings ? JSON.stringify(values.timings) : null,
        values.result ? JSON.stringify(values.result) : null,
      ],
    );
  }

  /** Ends an open job and answers it ended; null when it had already ended (a finish is safe to run twice). */
  async finish(tx: EntityManager, id: string, status: FinalStatus, error?: JobRow['error']): Promise<JobRow | null> {
    const rows = await queryRows<JobRow>(
      tx,
      `update jobs set status = $2, error = $3, finished_at = now(), progress = case when $2 in ('succeeded', 'rolled_back') then 100 else progress end,
         step = case when $2 in ('succeeded', 'rolled_back') then null else step end
       where id = $1 and status in ('queued', 'running') returning ${COLUMNS}`,
      [id, status, error ? JSON.stringify(error) : null],
    );
    return rows[0] ?? null;
  }
}
