import { Module } from '@nestjs/common';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';
import { ProductionWritesService } from './production-writes.service';
import { RevisionsRepository } from './revisions.repository';

@Module({
  providers: [ContentRepository, RevisionsRepository, ContentService, ProductionWritesService],
  exports: [ContentRepository, RevisionsRepository, ContentService, ProductionWritesService],
})
export class ContentModule {}
