import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import { actorOf } from './job-actor';
import { toAppError } from '../errors/error.filter';
import { JobEvents } from './job-events';
import { JobDefinitions } from './job-definitions';
import { JobRunner } from './job-runner';
import { QueueName, SiteJob } from './job-names';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { SiteLock } from './site-lock';

// A worker renews its lock every lockDuration/2; a killed worker's job is taken again after about this long.
export const JOB_LOCK_MS = 10_000;

@Processor(QueueName.SiteJobs, {
  concurrency: 4,
  lockDuration: JOB_LOCK_MS,
  stalledInterval: 5_000,
  maxStalledCount: 5,
})
export class SiteJobsProcessor extends WorkerHost implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(SiteJobsProcessor.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly jobsService: JobsService,
    private readonly definitions: JobDefinitions,
    private readonly runner: JobRunner,
    private readonly events: JobEvents,
    private readonly siteLock: SiteLock,
    private readonly audit: AuditService,
  ) {
    super();
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.jobsService.sweep().catch(() => {}), 15_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  // Before any connection closes: stop taking jobs and let the running ones finish (main.ts bounds the wait).
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job<SiteJob>, token?: string): Promise<void> {
    const row = await this.jobs.find(job.data.jobId);
    if (!row || !['queued', 'running'].includes(row.status)) return; // already ended: a retry finds nothing to do
    const definition = this.definitions.get(row.kind); // boot checked that every kind has one

    const lock = row.siteId ? await this.siteLock.tryAcquire(row.siteId) : null;
    if (row.siteId && !lock) {
      // Another worker still runs this site's job (e.g. a stalled copy of this one): look again shortly.
      await job.moveToDelayed(Date.now() + 1000, token);
      throw new DelayedError();
    }
    try {
      const running = await this.jobs.markRunning(row.id);
      if (!running) return;
      await this.events.publish(row.id);
      await this.runner.run(definition, running);
      await this.jobs.finish(row.id, 'succeeded');
      await this.events.publish(row.id);
    } catch (thrown) {
      const refusal = thrown instanceof AppError;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!refusal && !lastAttempt) {
        this.logger.warn(`Job ${row.id} attempt ${job.attemptsMade + 1} failed, will retry: ${String(thrown)}`);
        throw thrown;
      }
      if (!refusal) this.logger.error(thrown);
      const error = toAppError(thrown);
      await this.runner.failed(definition, (await this.jobs.find(row.id)) ?? row).catch((e) => this.logger.error(e));
      await this.jobs.finish(row.id, 'failed', { code: error.code, message: error.message, details: error.details });
      const failed = (await this.jobs.find(row.id)) ?? row;
      if (failed.siteId)
        await this.audit.record({
          siteId: failed.siteId,
          principal: actorOf(failed),
          action: `${failed.kind}.failed`,
          subject: failed.id,
          details: { code: error.code, message: error.message, step: failed.step },
          requestId: failed.actor?.requestId,
        });
      await this.events.publish(row.id);
      throw new UnrecoverableError(error.message);
    } finally {
      await lock?.release();
    }
  }
}
