import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { StatesModule } from '../states/states.module';
import { SitesController } from './sites.controller';
import { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

@Module({
  imports: [AuditModule, EnvironmentsModule, SiteEventsModule, StatesModule],
  providers: [SitesRepository, SitesService],
  exports: [SitesService],
})
export class SitesModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [SitesModule], controllers: [SitesController] })
export class SitesApiModule {}
