import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { CandidateRepository } from './candidate.repository';
import { PreviewRepository } from './preview.repository';
import { PreviewService } from './preview.service';
import { PromotionHandler } from './promotion.handler';
import { PromotionsService } from './promotions.service';

@Module({
  imports: [SnapshotsModule],
  providers: [CandidateRepository, PreviewRepository, PreviewService, PromotionHandler, PromotionsService],
  exports: [PreviewService, PromotionsService],
})
export class PromotionModule {}
