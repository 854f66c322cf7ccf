import { Module } from '@nestjs/common';
import { RestoreHandler } from './restore.handler';
import { SnapshotsRepository } from './snapshots.repository';
import { SnapshotsService } from './snapshots.service';

@Module({
  providers: [SnapshotsRepository, SnapshotsService, RestoreHandler],
  exports: [SnapshotsRepository, SnapshotsService],
})
export class SnapshotsModule {}
