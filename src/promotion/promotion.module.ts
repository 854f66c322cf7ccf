import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ContentModule } from '../content/content.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { JobsModule } from '../jobs/jobs.module';
import { PublicSiteRenderingModule } from '../public-site/public-site-rendering.module';
import { ReleaseGatesModule } from '../release-gates/release-gates.module';
import { SitesModule } from '../sites/sites.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { StatesModule } from '../states/states.module';
import { VariablesModule } from '../variables/variables.module';
import { CandidateRepository } from './candidate.repository';
import { CandidateStates } from './candidate-states';
import { LaunchChecksController } from './launch-checks.controller';
import { LaunchChecksRepository } from './launch-checks.repository';
import { LaunchChecksService } from './launch-checks.service';
import { PreviewRepository } from './preview.repository';
import { PreviewService } from './preview.service';
import { promotionJob } from './promotion.job';
import { JobDefinitions } from '../jobs/job-definitions';
import { PromotionsController } from './promotions.controller';
import { PromotionsService } from './promotions.service';
import { SelectiveCandidate } from './selective-candidate';

@Module({
  imports: [
    AuditModule,
    ContentModule,
    EnvironmentsModule,
    JobsModule,
    PublicSiteRenderingModule,
    ReleaseGatesModule,
    SitesModule,
    SnapshotsModule,
    StatesModule,
    VariablesModule,
  ],
  providers: [
    CandidateRepository,
    CandidateStates,
    LaunchChecksRepository,
    LaunchChecksService,
    PreviewRepository,
    PreviewService,
    PromotionsService,
    SelectiveCandidate,
  ],
  exports: [PreviewService, PromotionsService, LaunchChecksService, CandidateStates],
})
export class PromotionModule implements OnModuleInit {
  constructor(private readonly definitions: JobDefinitions) {}

  onModuleInit(): void {
    this.definitions.register(promotionJob);
  }
}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [PromotionModule], controllers: [PromotionsController, LaunchChecksController] })
export class PromotionApiModule {}
