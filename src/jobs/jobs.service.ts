import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { concatMap, distinctUntilChanged, EMPTY, filter, interval, map, merge, Observable, takeWhile } from 'rxjs';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { TokensService } from '../auth/tokens.service';
import { type TransactionOptions, Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { Metrics } from '../platform/metrics/metrics';
import { waitAtMost } from '../platform/redis/wait-at-most';
import { actorOf } from './job-actor';
import type { JobRecord } from './job-definition';
import { JobDefinitions } from './job-definitions';
import { FIRE_EARLY_MS, LATE_AFTER_MS, STALE_SECONDS } from './job-liveness';
import { JobRunner } from './job-runner';
import { JobEvents } from './job-events';
import { type JobKind, QueueName, SiteJob } from './job-names';
import { plannedSteps } from './job-steps';
import type { FinalStatus, JobRow, JobStatus } from './job.types';
import { JobsRepository } from './jobs.repository';
import { JobDto, toJobDto } from './job.dto';
import { SiteLock } from './site-lock';

const FINAL = new Set<string>(['succeeded', 'failed', 'cancelled', 'rolled_back']);
// How often an open stream asks again whether its site token still stands: a revoked token's stream ends this late.
const STREAM_REAUTHORISE_MS = 2000;

/** What a job stream sends: the job as it changes, or why it stops before the job ends. */
export type JobStreamEvent =
  { type: 'job'; data: JobDto } | { type: 'revoked'; data: { error: { code: 'unauthenticated'; message: string } } };
const REVOKED: JobStreamEvent = {
  type: 'revoked',
  data: { error: { code: 'unauthenticated', message: 'The token was revoked.' } },
};

export interface StartJob {
  siteId: string | null;
  params?: Record<string, unknown>;
  principal: Principal;
  requestId?: string;
  /** An open job of the site that this request repeats (a double click): answered instead of a conflict. */
  reuseIf?: (open: JobRow) => boolean;
  /** Reads and checks what the job starts from, in the same transaction as the insert. */
  before?: (tx: EntityManager) => Promise<{ fromVersion?: number; params?: Record<string, unknown> }>;
  /** What the `<kind>.requested` (or `.scheduled`) audit entry says, from the job's params. */
  auditDetails?: (params: Record<string, any>) => Record<string, unknown>;
  /** Schedule the job for then (status `scheduled`) instead of queueing it now. */
  runAt?: Date;
  /** The transaction the row is inserted in (e.g. the content lock for work `afterInsert` does). */
  transaction?: TransactionOptions;
  /** Work that needs the job's id, in the insert's transaction; what it answers is recorded on the job. */
  afterInsert?: (tx: EntityManager, job: JobRow) => Promise<JobRecord>;
}

// A click must not wait for an unreachable Redis: the row is committed and queued, so the sweep enqueues it
// once Redis answers again (under the same BullMQ id, so a late add of this call cannot queue it twice).
const ENQUEUE_WAIT_MS = 500;

/** The BullMQ id of a job's next run: the row id, then row id + attempt for a takeover of a dead worker's run. */
export const queueJobId = (job: Pick<JobRow, 'id' | 'attempts'>): string =>
  job.attempts ? `${job.id}-${job.attempts}` : job.id;

@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly definitions: JobDefinitions,
    private readonly runner: JobRunner,
    private readonly siteLock: SiteLock,
    private readonly events: JobEvents,
    private readonly audit: AuditService,
    private readonly tokens: TokensService,
    private readonly metrics: Metrics,
    @InjectQueue(QueueName.SiteJobs) private readonly queue: Queue<SiteJob>,
  ) {}

  /**
   * The one way to start a job: one open job per site (a database constraint; the conflict names the running
   * job), the row and its audit entry in one transaction, then the enqueue after the commit. With `runAt` the
   * job is scheduled instead: it blocks nothing until it fires, and a site has at most one schedule.
   */
  async start(kind: JobKind, request: StartJob): Promise<JobDto> {
    const scheduled = request.runAt !== undefined;
    const open = !request.siteId
      ? null
      : scheduled
        ? await this.jobs.findScheduledForSite(this.transactions.autocommit, request.siteId)
        : await this.jobs.findOpenForSite(this.transactions.autocommit, request.siteId);
    if (open) return this.answerOpen(open, request);
    let job: JobRow;
    try {
      job = await this.transactions.run(request.transaction ?? {}, async (tx) => {
        const start = (await request.before?.(tx)) ?? {};
        const params = { ...request.params, ...start.params };
        const { principal, requestId, siteId } = request;
        let created = await this.jobs.insert(tx, {
          siteId,
          kind,
          params,
          actor: { actor: principal.actor, role: principal.role, requestId },
          steps: plannedSteps(this.definitions.get(kind).steps.map((step) => step.name)),
          fromVersion: start.fromVersion,
          runAt: request.runAt,
        });
        const recorded = await request.afterInsert?.(tx, created);
        if (recorded) {
          await this.jobs.update(tx, created.id, recorded);
          created = (await this.jobs.find(tx, created.id))!;
        }
        if (siteId)
          await this.audit.record(
            {
              siteId,
              principal,
              action: `${kind}.${scheduled ? 'scheduled' : 'requested'}`,
              subject: created.id,
              details: { ...request.auditDetails?.(params), ...(scheduled ? { runAt: created.runAt } : {}) },
              requestId,
            },
            tx,
          );
        return created;
      });
    } catch (error) {
      // Two clicks at once: the partial unique index lets one insert win; the other answers with that job.
      const constraint = error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint;
      const winner =
        (constraint === 'jobs_one_open_per_site' &&
          (await this.jobs.findOpenForSite(this.transactions.autocommit, request.siteId!))) ||
        (constraint === 'jobs_one_scheduled_per_site' &&
          (await this.jobs.findScheduledForSite(this.transactions.autocommit, request.siteId!)));
      if (winner) return this.answerOpen(winner, request);
      throw error;
    }
    await this.enqueue(job);
    return toJobDto(job);
  }

  private answerOpen(open: JobRow, request: StartJob): JobDto {
    if (request.reuseIf?.(open)) return toJobDto(open);
    if (open.status === 'scheduled')
      throw new AppError(
        'schedule_exists',
        `This site already has a ${open.kind.replace(/_/g, ' ')} scheduled for ${open.runAt!.toISOString()}; cancel it first.`,
        [{ jobId: open.id, kind: open.kind, runAt: open.runAt }],
      );
    throw new AppError(
      'promotion_in_progress',
      `A ${open.kind.replace(/_/g, ' ')} of this site is already running; wait for it to end.`,
      [{ jobId: open.id, kind: open.kind }],
    );
  }

  /**
   * A due scheduled job becomes queued, audited as `<kind>.requested` with how late it fires. Answers the job
   * as it is now, or null while it has to wait: not due yet, or another job of its site is open.
   */
  async activate(job: JobRow): Promise<JobRow | null> {
    let active: JobRow | null;
    try {
      active = await this.transactions.run({}, async (tx) => {
        const row = await this.jobs.activateScheduled(tx, job.id, {
          earlyMs: FIRE_EARLY_MS,
          lateAfterMs: LATE_AFTER_MS,
        });
        if (row?.siteId)
          await this.audit.record(
            {
              siteId: row.siteId,
              principal: actorOf(row),
              action: `${row.kind}.requested`,
              subject: row.id,
              details: { scheduled: true, runAt: row.runAt, lateByMs: row.result.lateByMs, late: row.result.late },
              requestId: row.actor?.requestId,
            },
            tx,
          );
        return row;
      });
    } catch (error) {
      const constraint = error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint;
      if (constraint === 'jobs_one_open_per_site') return null; // the site is busy: it fires when that job ends
      throw error;
    }
    if (active) {
      if (active.result.late)
        this.logger.warn(
          `Job ${job.id} was due at ${active.runAt!.toISOString()}; runs ${active.result.lateByMs} ms late`,
        );
      await this.events.publish(job.id);
      return active;
    }
    const current = await this.jobs.find(this.transactions.autocommit, job.id);
    return current && current.status !== 'scheduled' ? current : null;
  }

  /**
   * Call after the job row is committed, so a worker never looks for a row it cannot see. Answers whether
   * Redis took it in time; when not, the row stays open and the database sweep enqueues it (same id: once).
   */
  async enqueue(job: Pick<JobRow, 'id' | 'kind' | 'attempts' | 'status' | 'runAt'>): Promise<boolean> {
    // A schedule is a delayed BullMQ job; the row stays the truth (the sweep fires it if Redis forgets it).
    const delay = job.status === 'scheduled' ? Math.max(0, job.runAt!.getTime() - Date.now()) : 0;
    const added = this.queue
      .add(
        job.kind,
        { jobId: job.id },
        {
          jobId: queueJobId(job),
          delay,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        },
      )
      .then(() => true);
    const queued = await waitAtMost(added, ENQUEUE_WAIT_MS, false);
    if (!queued) this.logger.warn(`Job ${job.id} not queued yet (Redis slow or down): the sweep will queue it`);
    return queued;
  }

  /**
   * A worker takes the job: the row says running, and the first attempt's `<kind>.started` audit entry is
   * written in the same transaction (a crash in between leaves neither). Null when the job already ended.
   */
  async begin(id: string): Promise<JobRow | null> {
    return this.transactions.run({}, async (tx) => {
      const running = await this.jobs.markRunning(tx, id);
      if (running?.siteId && running.attempts === 1)
        await this.audit.record(
          {
            siteId: running.siteId,
            principal: actorOf(running),
            action: `${running.kind}.started`,
            subject: running.id,
            details: { fromVersion: running.fromVersion },
            requestId: running.actor?.requestId,
          },
          tx,
        );
      return running;
    });
  }

  /**
   * Enqueues a schedule that fired without its delayed queue entry (Redis lost it, or its delay ran long by
   * another clock): an entry still delayed is made to run now, since adding under its id would be a no-op.
   */
  async enqueueFired(job: JobRow): Promise<boolean> {
    const promoted = this.queue
      .getJob(queueJobId(job))
      .then(async (entry) => {
        if (entry && (await entry.isDelayed())) await entry.promote();
      })
      .then(() => true);
    if (
      !(await waitAtMost(
        promoted.catch(() => false),
        ENQUEUE_WAIT_MS,
        false,
      ))
    )
      return false;
    return this.enqueue(job);
  }

  async get(id: string, principal: Principal): Promise<JobDto> {
    return toJobDto(await this.visible(id, principal));
  }

  /** One of the site's jobs, or null (another site's job is none of its business). */
  async findForSite(siteId: string, id: string): Promise<JobRow | null> {
    const job = await this.jobs.find(this.transactions.autocommit, id).catch(() => null);
    return job?.siteId === siteId ? job : null;
  }

  /** A site's jobs of some kinds, newest first (the promotion history), optionally of one status. */
  listForSite(
    siteId: string,
    kinds: JobKind[],
    page: { limit: number; before?: Date; status?: JobStatus },
  ): Promise<JobRow[]> {
    return this.jobs.listForSite(this.transactions.autocommit, siteId, kinds, page);
  }

  /**
   * The job as it changes, ending with its final state, or with a `revoked` event once the caller's token is
   * revoked. Authorised before it resolves, so a refusal is a plain 404 and never an event stream.
   */
  async stream(id: string, principal: Principal): Promise<Observable<JobStreamEvent>> {
    await this.get(id, principal);
    // A site token is asked about again every few seconds; the platform admin's token cannot be revoked.
    const recheck = principal.kind === 'site' ? interval(STREAM_REAUTHORISE_MS) : EMPTY;
    return merge(
      this.events.changes(id).pipe(map(() => 'job' as const)),
      recheck.pipe(map(() => 'token' as const)),
    ).pipe(
      concatMap(async (what): Promise<JobStreamEvent | null> => {
        if (what === 'job')
          return { type: 'job', data: toJobDto((await this.jobs.find(this.transactions.autocommit, id))!) };
        return principal.kind === 'site' && !(await this.tokens.isActive(principal.tokenId)) ? REVOKED : null;
      }),
      filter((event): event is JobStreamEvent => event !== null),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      takeWhile((event) => event.type === 'job' && !FINAL.has(event.data.status), true),
    );
  }

  /**
   * Ends a job as failed (its last attempt failed, or its workers kept dying): the handler gives back what
   * the job still holds (a maintenance lease), then the row, the audit entry and the event. Safe twice.
   */
  async fail(job: JobRow, error: NonNullable<JobRow['error']>): Promise<void> {
    await this.runner
      .failed(this.definitions.get(job.kind), (await this.jobs.find(this.transactions.autocommit, job.id)) ?? job)
      .catch((e: unknown) => this.logger.error(e));
    if (!(await this.finish(job.id, 'failed', error))) return;
    const failed = (await this.jobs.find(this.transactions.autocommit, job.id)) ?? job;
    if (failed.siteId)
      await this.audit.record({
        siteId: failed.siteId,
        principal: actorOf(failed),
        action: `${failed.kind}.failed`,
        subject: failed.id,
        details: { code: error.code, message: error.message, step: failed.step },
        requestId: failed.actor?.requestId,
      });
    await this.events.publish(job.id);
  }

  /**
   * An owner's (or the admin's) way out of a stuck job, or of a schedule. A scheduled job is cancelled at once
   * and its delayed queue entry removed (one left behind finds the row cancelled). Otherwise refused while a
   * live worker has it (its site lock or a fresh heartbeat); else, holding the site lock so no worker starts it
   * meanwhile, the job's lease is given back (production stays on the head it has: old or new, the swap being
   * one statement) and the job ends as cancelled, which frees the site for the next promotion.
   */
  async cancel(id: string, principal: Principal, requestId?: string): Promise<JobDto> {
    // The role first: a non-owner learns nothing about whether the job exists.
    if (principal.kind !== 'admin' && principal.role !== 'owner')
      throw new AppError('forbidden', 'Only an owner of the site can cancel its jobs.');
    const job = await this.visible(id, principal);
    if (job.status === 'cancelled') return toJobDto(job);
    if (FINAL.has(job.status)) throw finished(job);
    if (job.status === 'scheduled') {
      const cancelled = await this.transactions.run({}, async (tx) => {
        const ended = await this.jobs.cancelScheduled(tx, id, cancelledBy(principal));
        if (ended) await this.recordCancel(job, principal, requestId, tx);
        return ended;
      });
      if (cancelled) {
        this.measureEnd(cancelled);
        await this.unqueue(job);
        await this.events.publish(id);
        return toJobDto((await this.jobs.find(this.transactions.autocommit, id))!);
      }
      // It fired meanwhile: cancel it as the running job it now is.
    }
    const lock = await this.siteLock.tryAcquireForJob(job);
    if (!lock) throw inProgress(job);
    try {
      const current = (await this.jobs.find(this.transactions.autocommit, id))!;
      if (current.status === 'cancelled') return toJobDto(current);
      if (FINAL.has(current.status)) throw finished(current);
      // The site lock is free, but a worker whose lock connection dropped may still be beating.
      if (
        current.status === 'running' &&
        !(await this.jobs.findAbandoned(this.transactions.autocommit, id, STALE_SECONDS))
      )
        throw inProgress(current);
      await this.runner.failed(this.definitions.get(current.kind), current);
      const ended = await this.transactions.run({}, async (tx) => {
        const row = await this.jobs.finish(tx, id, 'cancelled', cancelledBy(principal));
        await this.recordCancel(current, principal, requestId, tx);
        return row;
      });
      if (ended) this.measureEnd(ended);
      await this.events.publish(id);
      return toJobDto((await this.jobs.find(this.transactions.autocommit, id))!);
    } finally {
      await lock.release();
    }
  }

  /**
   * Ends a job that ran (its outcome) or failed; false when it had already ended. Its metrics are counted
   * here and by cancel, after the commit and only by the call that ended it, so every end is counted once.
   */
  async finish(id: string, status: FinalStatus, error?: JobRow['error']): Promise<boolean> {
    const ended = await this.jobs.finish(this.transactions.autocommit, id, status, error);
    if (ended) this.measureEnd(ended);
    return ended !== null;
  }

  /** Running jobs whose worker stopped beating for as long as the sweep waits before taking one over. */
  countStalled(): Promise<number> {
    return this.jobs.countStale(this.transactions.autocommit, STALE_SECONDS);
  }

  // A job that ran is timed from when it was due (a schedule's runAt, else its creation), queue wait included.
  private measureEnd(job: JobRow): void {
    const due = job.runAt ?? job.createdAt;
    const seconds = job.startedAt && job.finishedAt ? (job.finishedAt.getTime() - due.getTime()) / 1000 : null;
    const window = job.timings?.maintenanceMs;
    this.metrics.jobFinished(
      job.kind,
      job.status as FinalStatus,
      seconds,
      window === undefined ? undefined : window / 1000,
    );
  }

  private recordCancel(job: JobRow, principal: Principal, requestId: string | undefined, tx: EntityManager) {
    return this.audit.record(
      {
        siteId: job.siteId,
        principal,
        action: `${job.kind}.cancelled`,
        subject: job.id,
        details: { status: job.status, step: job.step, attempts: job.attempts, runAt: job.runAt },
        requestId,
      },
      tx,
    );
  }

  // Best effort, bounded like an enqueue: a delayed entry Redis still holds would only find the row cancelled.
  private async unqueue(job: JobRow): Promise<void> {
    const removed = this.queue.remove(queueJobId(job)).catch(() => 0);
    await waitAtMost(removed, ENQUEUE_WAIT_MS, 0);
  }

  private async visible(id: string, principal: Principal): Promise<JobRow> {
    const job = await this.jobs.find(this.transactions.autocommit, id).catch(() => null);
    if (!job || !canSee(principal, job)) throw new AppError('not_found', `No job ${id}.`);
    return job;
  }
}

function canSee(principal: Principal, job: JobRow): boolean {
  return principal.kind === 'admin' || (job.siteId !== null && principal.siteId === job.siteId);
}

const cancelledBy = (principal: Principal) => ({ code: 'cancelled', message: `Cancelled by ${principal.actor}.` });

function finished(job: JobRow): AppError {
  return new AppError('job_finished', `The job already ended (${job.status}); there is nothing to cancel.`, [
    { jobId: job.id, status: job.status },
  ]);
}

function inProgress(job: JobRow): AppError {
  return new AppError('job_in_progress', 'A live worker is running this job; it cannot be cancelled now.', [
    { jobId: job.id, step: job.step },
  ]);
}
