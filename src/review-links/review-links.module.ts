import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReviewLinksController } from './review-links.controller';
import { ReviewLinksRepository } from './review-links.repository';
import { ReviewLinksService } from './review-links.service';

@Module({
  imports: [AuditModule],
  providers: [ReviewLinksRepository, ReviewLinksService],
  exports: [ReviewLinksService],
})
export class ReviewLinksModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [ReviewLinksModule], controllers: [ReviewLinksController] })
export class ReviewLinksApiModule {}
