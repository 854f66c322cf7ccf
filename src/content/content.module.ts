import { Module } from '@nestjs/common';
import { MediaUploadsModule } from '../media/media-uploads.module';
import { ContentImportRepository } from './content-import.repository';
import { ContentImportService } from './content-import.service';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';
import { ProductionWritesService } from './production-writes.service';
import { RevisionsRepository } from './revisions.repository';
import { StagingTransaction } from './staging-transaction';

@Module({
  imports: [MediaUploadsModule],
  providers: [
    ContentRepository,
    RevisionsRepository,
    StagingTransaction,
    ContentService,
    ProductionWritesService,
    ContentImportRepository,
    ContentImportService,
  ],
  exports: [ContentRepository, RevisionsRepository, ContentService, ProductionWritesService, ContentImportService],
})
export class ContentModule {}
