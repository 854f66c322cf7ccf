import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { JobsModule } from '../jobs/jobs.module';
import { StatesModule } from '../states/states.module';
import { restoreJob } from './restore.job';
import { JobDefinitions } from '../jobs/job-definitions';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsRepository } from './snapshots.repository';
import { SnapshotsService } from './snapshots.service';

@Module({
  imports: [AuditModule, EnvironmentsModule, JobsModule, StatesModule],
  providers: [SnapshotsRepository, SnapshotsService],
  exports: [SnapshotsService],
})
export class SnapshotsModule implements OnModuleInit {
  constructor(private readonly definitions: JobDefinitions) {}

  onModuleInit(): void {
    this.definitions.register(restoreJob);
  }
}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [SnapshotsModule], controllers: [SnapshotsController] })
export class SnapshotsApiModule {}
