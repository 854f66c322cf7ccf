import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { JobsModule } from '../jobs/jobs.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { BackupsRepository } from './backups.repository';
import { StagingResetController } from './staging-reset.controller';
import { resetStagingJob, restoreStagingBackupJob } from './staging-overwrite.jobs';
import { JobDefinitions } from '../jobs/job-definitions';
import { StagingResetService } from './staging-reset.service';

@Module({
  imports: [AuditModule, EnvironmentsModule, JobsModule, SiteEventsModule, SnapshotsModule],
  providers: [BackupsRepository, StagingResetService],
  exports: [StagingResetService],
})
export class StagingResetModule implements OnModuleInit {
  constructor(private readonly definitions: JobDefinitions) {}

  onModuleInit(): void {
    this.definitions.register(resetStagingJob, restoreStagingBackupJob);
  }
}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [StagingResetModule], controllers: [StagingResetController] })
export class StagingResetApiModule {}
