import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { DomainsController } from './domains.controller';
import { DomainsRepository } from './domains.repository';
import { DomainsService } from './domains.service';

/** Each environment's host names: never promoted, and how the public site routes a request by Host. */
@Module({
  imports: [AuditModule, EnvironmentsModule, SiteEventsModule],
  providers: [DomainsRepository, DomainsService],
  exports: [DomainsService],
})
export class DomainsModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [DomainsModule], controllers: [DomainsController] })
export class DomainsApiModule {}
