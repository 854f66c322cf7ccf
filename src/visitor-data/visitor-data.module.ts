import { Module } from '@nestjs/common';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';
import { SessionsRepository } from './sessions.repository';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';
import { VisitorDataController } from './visitor-data.controller';
import { VisitorSessionsService } from './visitor-sessions.service';

/** Each environment's visitor data: form submissions, analytics events and visitor sessions. */
@Module({
  providers: [
    SubmissionsRepository,
    SubmissionsService,
    AnalyticsRepository,
    AnalyticsService,
    SessionsRepository,
    VisitorSessionsService,
  ],
  exports: [SubmissionsService, AnalyticsService, VisitorSessionsService],
})
export class VisitorDataModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [VisitorDataModule], controllers: [VisitorDataController] })
export class VisitorDataApiModule {}
