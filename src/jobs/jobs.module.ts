import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { Metrics } from '../platform/metrics/metrics';
import { CrashPointsModule } from './crash-points.module';
import { JobEvents } from './job-events';
import { JobDefinitions } from './job-definitions';
import { JobRunner } from './job-runner';
import { QueueName } from './job-names';
import { JobsController } from './jobs.controller';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { selfTestJob } from './self-test.job';
import { JobSweeper } from './job-sweeper';
import { SiteJobsProcessor } from './site-jobs.processor';
import { SiteLock } from './site-lock';

const queues = BullModule.registerQueue({ name: QueueName.SiteJobs }, { name: QueueName.Housekeeping });

/** Long site jobs: their rows, queues and handlers. Queues are registered in every role. */
@Module({
  imports: [queues, AuditModule, AuthModule, CrashPointsModule],
  providers: [JobsRepository, JobsService, JobEvents, JobDefinitions, JobRunner, SiteLock],
  // The repository, events, runner and lock are for the worker module alone (the lint rule keeps them so).
  exports: [JobsService, JobDefinitions, JobsRepository, JobEvents, JobRunner, SiteLock, queues],
})
export class JobsModule implements OnModuleInit {
  constructor(
    private readonly definitions: JobDefinitions,
    private readonly jobs: JobsService,
    private readonly metrics: Metrics,
    @InjectQueue(QueueName.SiteJobs) private readonly siteJobs: Queue,
    @InjectQueue(QueueName.Housekeeping) private readonly housekeeping: Queue,
  ) {}

  onModuleInit(): void {
    this.definitions.register(selfTestJob);
    this.metrics.watchQueues(this.siteJobs, this.housekeeping);
    this.metrics.watchStalledJobs(() => this.jobs.countStalled());
  }
}

/** The processor and the database sweep, only where this process works jobs (the worker role). */
@Module({ imports: [JobsModule, AuditModule], providers: [SiteJobsProcessor, JobSweeper] })
export class JobsWorkerModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [JobsModule], controllers: [JobsController] })
export class JobsApiModule {}
