import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { CrashPoints } from './crash-points';
import { JobEvents } from './job-events';
import { JobHandlerRegistry } from './job-handler';
import { JobSweeper } from './job-sweeper';
import { QueueName } from './job-names';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { SelfTestService } from './self-test.service';
import { SiteJobsProcessor } from './site-jobs.processor';
import { SiteLock } from './site-lock';

/** Queues are registered in every role; the processor only where this process works jobs. */
@Module({})
export class JobsModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [BullModule.registerQueue({ name: QueueName.SiteJobs }, { name: QueueName.Housekeeping })],
      providers: [
        JobsRepository,
        JobsService,
        JobEvents,
        JobHandlerRegistry,
        SiteLock,
        SelfTestService,
        CrashPoints,
        ...(options.worker ? [SiteJobsProcessor, JobSweeper] : []),
      ],
      exports: [
        JobsRepository,
        JobsService,
        JobEvents,
        JobHandlerRegistry,
        SiteLock,
        SelfTestService,
        CrashPoints,
        BullModule,
      ],
    };
  }
}
