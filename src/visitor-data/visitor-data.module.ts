import { Module } from '@nestjs/common';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';
import { DomainsRepository } from './domains.repository';
import { DomainsService } from './domains.service';
import { SessionsRepository } from './sessions.repository';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';
import { VisitorSessionsService } from './visitor-sessions.service';

/** Each environment's own data: domains, form submissions, analytics events and visitor sessions. */
@Module({
  providers: [
    DomainsRepository,
    DomainsService,
    SubmissionsRepository,
    SubmissionsService,
    AnalyticsRepository,
    AnalyticsService,
    SessionsRepository,
    VisitorSessionsService,
  ],
  exports: [DomainsService, SubmissionsService, AnalyticsService, VisitorSessionsService],
})
export class VisitorDataModule {}
