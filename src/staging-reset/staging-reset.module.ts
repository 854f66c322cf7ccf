import { Module } from '@nestjs/common';
import { BackupsRepository } from './backups.repository';
import { ResetStagingHandler, RestoreStagingBackupHandler } from './staging-reset.handlers';
import { StagingResetService } from './staging-reset.service';

@Module({
  providers: [BackupsRepository, StagingResetService, ResetStagingHandler, RestoreStagingBackupHandler],
  exports: [StagingResetService],
})
export class StagingResetModule {}
