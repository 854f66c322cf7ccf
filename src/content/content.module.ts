import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { MediaUploadsModule } from '../media/media-uploads.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { StatesModule } from '../states/states.module';
import { ContentAdoptController } from './content-adopt.controller';
import { ContentImportController } from './content-import.controller';
import { ContentImportRepository } from './content-import.repository';
import { ContentImportService } from './content-import.service';
import { ContentController } from './content.controller';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';
import { ProductionWritesService } from './production-writes.service';
import { RevisionsRepository } from './revisions.repository';
import { StagingTransaction } from './staging-transaction';
import { StagingWrites } from './staging-writes';

@Module({
  imports: [AuditModule, EnvironmentsModule, MediaUploadsModule, SiteEventsModule, StatesModule],
  providers: [
    ContentRepository,
    RevisionsRepository,
    StagingTransaction,
    StagingWrites,
    ContentService,
    ProductionWritesService,
    ContentImportRepository,
    ContentImportService,
  ],
  exports: [ContentService, ProductionWritesService, ContentImportService],
})
export class ContentModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [ContentModule], controllers: [ContentController, ContentImportController, ContentAdoptController] })
export class ContentApiModule {}
