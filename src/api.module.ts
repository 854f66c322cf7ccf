import { Module } from '@nestjs/common';
import { AuditApiModule } from './audit/audit.module';
import { AuthApiModule } from './auth/auth.module';
import { ChangelogApiModule } from './changelog/changelog.module';
import { ConsoleModule } from './console/console.module';
import { ContentApiModule } from './content/content.module';
import { DomainsApiModule } from './domains/domains.module';
import { VariablesApiModule } from './variables/variables.module';
import { GcApiModule } from './gc/gc.module';
import { JobsApiModule } from './jobs/jobs.module';
import { MaintenanceApiModule } from './maintenance/maintenance.module';
import { MediaApiModule } from './media/media.module';
import { PromotionApiModule } from './promotion/promotion.module';
import { PublicSiteModule } from './public-site/public-site.module';
import { ReleaseGatesApiModule } from './release-gates/release-gates.module';
import { ReviewLinksApiModule } from './review-links/review-links.module';
import { SitesApiModule } from './sites/sites.module';
import { SnapshotsApiModule } from './snapshots/snapshots.module';
import { StagingResetApiModule } from './staging-reset/staging-reset.module';
import { VisitorDataApiModule } from './visitor-data/visitor-data.module';
import { VisualDiffApiModule } from './visual-diff/visual-diff.module';
import { WebhooksApiModule } from './webhooks/webhooks.module';

/** The HTTP API: each feature's routes module, loaded only in processes with the api role. */
@Module({
  imports: [
    AuditApiModule,
    AuthApiModule,
    ChangelogApiModule,
    ConsoleModule,
    ContentApiModule,
    DomainsApiModule,
    VariablesApiModule,
    GcApiModule,
    JobsApiModule,
    MaintenanceApiModule,
    MediaApiModule,
    PromotionApiModule,
    PublicSiteModule,
    ReleaseGatesApiModule,
    ReviewLinksApiModule,
    SitesApiModule,
    SnapshotsApiModule,
    StagingResetApiModule,
    VisitorDataApiModule,
    VisualDiffApiModule,
    WebhooksApiModule,
  ],
})
export class ApiModule {}
