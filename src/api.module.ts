import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { MeController } from './auth/me.controller';
import { MeService } from './auth/me.service';
import { ConsoleModule } from './console/console.module';
import { ContentImportController } from './content/content-import.controller';
import { ContentController } from './content/content.controller';
import { ContentModule } from './content/content.module';
import { GarbageCollectionController } from './gc/gc.controller';
import { JobsController } from './jobs/jobs.controller';
import { MediaController } from './media/media.controller';
import { MaintenanceController } from './maintenance/maintenance.controller';
import { MediaModule } from './media/media.module';
import { PromotionModule } from './promotion/promotion.module';
import { PromotionsController } from './promotion/promotions.controller';
import { PublicSiteController } from './public-site/public-site.controller';
import { PublicSiteModule } from './public-site/public-site.module';
import { ReviewLinksController } from './review-links/review-links.controller';
import { SitesController } from './sites/sites.controller';
import { SnapshotsController } from './snapshots/snapshots.controller';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { StagingResetController } from './staging-reset/staging-reset.controller';
import { StagingResetModule } from './staging-reset/staging-reset.module';
import { DomainsController } from './visitor-data/domains.controller';
import { VisitorDataController } from './visitor-data/visitor-data.controller';

/** The HTTP API's controllers: loaded only in processes with the api role. */
@Module({
  imports: [
    ContentModule,
    MediaModule,
    PromotionModule,
    SnapshotsModule,
    StagingResetModule,
    PublicSiteModule,
    ConsoleModule,
  ],
  controllers: [
    MeController,
    SitesController,
    ContentController,
    ContentImportController,
    MediaController,
    AuditController,
    JobsController,
    PromotionsController,
    SnapshotsController,
    StagingResetController,
    GarbageCollectionController,
    MaintenanceController,
    ReviewLinksController,
    DomainsController,
    VisitorDataController,
    PublicSiteController,
  ],
  providers: [MeService],
})
export class ApiModule {}
