import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Observable, from, switchMap, takeWhile, distinctUntilChanged, map } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';
import { waitAtMost } from '../redis/wait-at-most';
import { actorOf } from './job-actor';
import { JobEvents } from './job-events';
import { JobHandlerRegistry } from './job-handler';
import { STALE_SECONDS } from './job-liveness';
import { QueueName, SiteJob } from './job-names';
import type { JobRow } from './job.types';
import { JobsRepository } from './jobs.repository';
import { JobDto, toJobDto } from './job.dto';
import { SiteLock } from './site-lock';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

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
    private readonly dataSource: DataSource,
    private readonly jobs: JobsRepository,
    private readonly events: JobEvents,
    private readonly handlers: JobHandlerRegistry,
    private readonly siteLock: SiteLock,
    private readonly audit: AuditService,
    @InjectQueue(QueueName.SiteJobs) private readonly queue: Queue<SiteJob>,
  ) {}

  /**
   * Call after the job row is committed, so a worker never looks for a row it cannot see. Answers whether
   * Redis took it in time; when not, the row stays open and the database sweep enqueues it (same id: once).
   */
  async enqueue(job: Pick<JobRow, 'id' | 'kind' | 'attempts'>): Promise<boolean> {
    const added = this.queue
      .add(
        job.kind,
        { jobId: job.id },
        {
          jobId: queueJobId(job),
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

  async get(id: string, principal: Principal): Promise<JobDto> {
    return toJobDto(await this.visible(id, principal));
  }

  /** The job as it changes, ending with its final state. */
  stream(id: string, principal: Principal): Observable<JobDto> {
    return from(this.get(id, principal)).pipe(
      switchMap(() => this.events.changes(id)),
      switchMap(() => from(this.jobs.find(id))),
      map((job) => toJobDto(job!)),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      takeWhile((job) => !FINAL.has(job.status), true),
    );
  }

  /**
   * Ends a job as failed (its last attempt failed, or its workers kept dying): the handler gives back what
   * the job still holds (a maintenance lease), then the row, the audit entry and the event. Safe twice.
   */
  async fail(job: JobRow, error: NonNullable<JobRow['error']>): Promise<void> {
    await this.handlers
      .get(job.kind)
      ?.onFailed?.((await this.jobs.find(job.id)) ?? job)
      .catch((e: unknown) => this.logger.error(e));
    if (!(await this.jobs.finish(job.id, 'failed', error))) return;
    const failed = (await this.jobs.find(job.id)) ?? job;
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
   * An owner's (or the admin's) way out of a stuck job. Refused while a live worker has it (its site lock or
   * a fresh heartbeat); otherwise, holding the site lock so no worker starts it meanwhile, the job's lease is
   * given back (production stays on the head it has: old or new, the swap being one statement) and the job
   * ends as cancelled, which frees the site for the next promotion.
   */
  async cancel(id: string, principal: Principal, requestId?: string): Promise<JobDto> {
    // The role first: a non-owner learns nothing about whether the job exists.
    if (principal.kind !== 'admin' && principal.role !== 'owner')
      throw new AppError('forbidden', 'Only an owner of the site can cancel its jobs.');
    const job = await this.visible(id, principal);
    if (job.status === 'cancelled') return toJobDto(job);
    if (FINAL.has(job.status)) throw finished(job);
    const lock = await this.siteLock.tryAcquireForJob(job);
    if (!lock) throw inProgress(job);
    try {
      const current = (await this.jobs.find(id))!;
      if (current.status === 'cancelled') return toJobDto(current);
      if (FINAL.has(current.status)) throw finished(current);
      // The site lock is free, but a worker whose lock connection dropped may still be beating.
      if (current.status === 'running' && !(await this.jobs.findAbandoned(id, STALE_SECONDS)))
        throw inProgress(current);
      await this.handlers.get(current.kind)?.onFailed?.(current);
      await this.dataSource.transaction(async (tx) => {
        const message = `Cancelled by ${principal.actor}.`;
        await this.jobs.finish(id, 'cancelled', { code: 'cancelled', message }, tx);
        await this.audit.record(
          {
            siteId: current.siteId,
            principal,
            action: `${current.kind}.cancelled`,
            subject: id,
            details: { status: current.status, step: current.step, attempts: current.attempts },
            requestId,
          },
          tx,
        );
      });
      await this.events.publish(id);
      return toJobDto((await this.jobs.find(id))!);
    } finally {
      await lock.release();
    }
  }

  private async visible(id: string, principal: Principal): Promise<JobRow> {
    const job = await this.jobs.find(id).catch(() => null);
    if (!job || !canSee(principal, job)) throw new AppError('not_found', `No job ${id}.`);
    return job;
  }
}

function canSee(principal: Principal, job: JobRow): boolean {
  return principal.kind === 'admin' || (job.siteId !== null && principal.siteId === job.siteId);
}

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
