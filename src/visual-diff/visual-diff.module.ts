import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ContentModule } from '../content/content.module';
import { QueueName } from '../jobs/job-names';
import { Metrics } from '../platform/metrics/metrics';
import { PromotionModule } from '../promotion/promotion.module';
import { SitesModule } from '../sites/sites.module';
import { RenderOrigin } from './render-origin';
import { ScreenshotBrowser } from './screenshot-browser';
import { VisualDiffController } from './visual-diff.controller';
import { VisualDiffProcessor } from './visual-diff.processor';
import { VisualDiffQueue } from './visual-diff-queue';
import { VisualDiffService } from './visual-diff.service';
import { VisualDiffsRepository } from './visual-diffs.repository';

const queue = BullModule.registerQueue({ name: QueueName.VisualDiffs });

@Module({
  imports: [queue, ContentModule, PromotionModule],
  providers: [VisualDiffsRepository, VisualDiffQueue, VisualDiffService, RenderOrigin],
  exports: [VisualDiffService, VisualDiffsRepository, RenderOrigin],
})
export class VisualDiffModule implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    @InjectQueue(QueueName.VisualDiffs) private readonly diffs: Queue,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueues(this.diffs);
  }
}

/** The renderer (one Chromium per process), only where this process works jobs. */
@Module({
  imports: [VisualDiffModule, PromotionModule, SitesModule],
  providers: [ScreenshotBrowser, VisualDiffProcessor],
  exports: [ScreenshotBrowser],
})
export class VisualDiffWorkerModule {}

/** The feature's HTTP routes, loaded only in processes with the api role (which also serves the public site). */
@Module({ imports: [VisualDiffModule], controllers: [VisualDiffController] })
export class VisualDiffApiModule implements OnModuleInit {
  constructor(private readonly origin: RenderOrigin) {}

  onModuleInit(): void {
    this.origin.markServesPublicSite();
  }
}
