import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { ContentController } from './content/content.controller';
import { ContentModule } from './content/content.module';
import { JobsController } from './jobs/jobs.controller';
import { MediaController } from './media/media.controller';
import { MediaModule } from './media/media.module';
import { SitesController } from './sites/sites.controller';

/** The HTTP API's controllers: loaded only in processes with the api role. */
@Module({
  imports: [ContentModule, MediaModule],
  controllers: [SitesController, ContentController, MediaController, AuditController, JobsController],
})
export class ApiModule {}
