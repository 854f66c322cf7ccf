import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { toAppError } from '../platform/errors/error.filter';
import { JobEvents } from './job-events';
import { JobDefinitions } from './job-definitions';
import { JobRunner } from './job-runner';
import { JobHeartbeat } from './job-heartbeat';
import { MAX_JOB_ATTEMPTS } from './job-liveness';
import { QueueName, SiteJob } from './job-names';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { SiteLock } from './site-lock';

// A worker renews its BullMQ lock every lockDuration/2. A killed worker's job is taken over sooner by the
// database sweep (job-sweeper.ts); BullMQ's own stall recovery stays as a second way back.
export const JOB_LOCK_MS = 10_000;
// Jobs one worker process runs at once (of different sites: each job holds its site's lock).
export const JOB_CONCURRENCY = 4;

@Processor(QueueName.SiteJobs, {
  concurrency: JOB_CONCURRENCY,
  lockDuration: JOB_LOCK_MS,
  stalledInterval: 5_000,
  maxStalledCount: 5,
})
export class SiteJobsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SiteJobsProcessor.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly jobsService: JobsService,
    private readonly definitions: JobDefinitions,
    private readonly runner: JobRunner,
    private readonly events: JobEvents,
    private readonly siteLock: SiteLock,
  ) {
    super();
  }

  // Before any connection closes: stop taking jobs and let the running ones finish (main.ts bounds the wait).
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job<SiteJob>, token?: string): Promise<void> {
    let row = await this.jobs.find(this.transactions.autocommit, job.data.jobId);
    // A schedule's time has come: it becomes queued unless it must wait (its site busy, or not due by the
    // database's clock), and then it is looked at again shortly.
    if (row?.status === 'scheduled' && !(row = await this.jobsService.activate(row))) return this.later(job, token);
    if (!row || !['queued', 'running'].includes(row.status)) return; // already ended: a retry finds nothing to do
    const definition = this.definitions.get(row.kind); // boot checked that every kind has one

    const lock = await this.siteLock.tryAcquireForJob(row);
    // Another worker still runs this site's job (e.g. another copy of this one): look again shortly.
    if (!lock) return this.later(job, token);
    // While this runs, the row says so every second: the sweep takes over only a job nobody beats for.
    const heartbeat = new JobHeartbeat(() => this.jobs.beat(this.transactions.autocommit, row.id));
    heartbeat.start();
    let attempts = row.attempts;
    try {
      const running = await this.jobsService.begin(row.id);
      if (!running) return;
      attempts = running.attempts;
      await this.events.publish(row.id);
      const outcome = await this.runner.run(definition, running, heartbeat);
      await this.jobsService.finish(row.id, outcome.status, outcome.error);
      await this.events.publish(row.id);
    } catch (thrown) {
      heartbeat.stop();
      const refusal = thrown instanceof AppError;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1) || attempts >= MAX_JOB_ATTEMPTS;
      if (!refusal && !lastAttempt) {
        this.logger.warn(`Job ${row.id} attempt ${attempts} failed, will retry: ${String(thrown)}`);
        // BullMQ retries after its exponential backoff (1 s, 2 s, …): vouch for the job until then.
        await this.jobs.beat(this.transactions.autocommit, row.id, 1000 * 2 ** job.attemptsMade).catch(() => {});
        throw thrown;
      }
      if (!refusal) this.logger.error(thrown);
      const error = toAppError(thrown);
      await this.jobsService.fail(row, { code: error.code, message: error.message, details: error.details });
      throw new UnrecoverableError(error.message);
    } finally {
      heartbeat.stop();
      await lock.release();
    }
  }

  private async later(job: Job<SiteJob>, token?: string): Promise<never> {
    await job.moveToDelayed(Date.now() + 1000, token);
    throw new DelayedError();
  }
}
