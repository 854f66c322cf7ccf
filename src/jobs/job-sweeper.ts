import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { MAX_JOB_ATTEMPTS, STALE_SECONDS, SWEEP_INTERVAL_MS } from './job-liveness';
import type { JobRow } from './job.types';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { SiteLock } from './site-lock';

/**
 * Recovery that does not depend on Redis remembering: at boot and every second, each worker looks in the
 * database for schedules that are due and for open jobs nobody vouches for. A queued one is enqueued (again: the same BullMQ id, so once);
 * a running one whose heartbeat is old and whose site lock is free lost its worker, and is enqueued under a
 * new id (row id + attempt) or, after MAX_JOB_ATTEMPTS workers died on it, failed with a reason.
 */
@Injectable()
export class JobSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly jobsService: JobsService,
    private readonly siteLock: SiteLock,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  // A draining worker takes nothing over.
  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; a pass still running (Redis slow) makes the next tick a no-op. Answers the jobs it handled. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let handled = 0;
    try {
      for (const job of await this.jobs.listDue(this.transactions.autocommit)) if (await this.fire(job)) handled++;
      for (const job of await this.jobs.listStale(this.transactions.autocommit, STALE_SECONDS)) {
        if (await (job.status === 'queued' ? this.requeue(job) : this.takeOver(job))) handled++;
      }
    } catch (error) {
      this.logger.warn(`Job sweep failed, next one in ${SWEEP_INTERVAL_MS} ms: ${String(error)}`);
    } finally {
      this.sweeping = false;
    }
    return handled;
  }

  // A schedule whose time has passed: its delayed queue entry usually fires it first; this one covers Redis
  // having lost it, or no worker having been up at run_at (it then runs at once, marked late).
  private async fire(job: JobRow): Promise<boolean> {
    const active = await this.jobsService.activate(job);
    if (active?.status !== 'queued' || !(await this.jobsService.enqueueFired(active))) return false;
    await this.jobs.vouchForQueued(this.transactions.autocommit, job.id);
    return true;
  }

  // Queued long ago: its enqueue failed, or Redis lost it. Adding again is a no-op while BullMQ still has it.
  private async requeue(job: JobRow): Promise<boolean> {
    if (!(await this.jobsService.enqueue(job))) return false;
    // Seen in the queue: look again in STALE_SECONDS, not every pass.
    await this.jobs.vouchForQueued(this.transactions.autocommit, job.id);
    return true;
  }

  private async takeOver(job: JobRow): Promise<boolean> {
    const lock = await this.siteLock.tryAcquireForJob(job);
    if (!lock) return false; // a live worker runs the site's job (this one or another)
    let abandoned: JobRow | null;
    try {
      // Again, under the lock.
      abandoned = await this.jobs.findAbandoned(this.transactions.autocommit, job.id, STALE_SECONDS);
      if (abandoned && abandoned.attempts >= MAX_JOB_ATTEMPTS) {
        await this.jobsService.fail(abandoned, {
          code: 'job_abandoned',
          message: `The worker running this job stopped ${abandoned.attempts} times; it will not be tried again.`,
          details: [{ attempts: abandoned.attempts, step: abandoned.step }],
        });
        return true;
      }
      // Vouched for while the lock is held, so no new run can be inside a step yet: the new run beats from its
      // first second; until then, no second copy.
      if (abandoned) await this.jobs.beat(this.transactions.autocommit, job.id);
    } finally {
      // Released before enqueueing, so the worker that takes the new run finds the lock free.
      await lock.release();
    }
    if (!abandoned) return false;
    this.logger.warn(`Job ${job.id} lost its worker at step ${abandoned.step}: enqueued again`);
    return this.jobsService.enqueue(abandoned);
  }
}
