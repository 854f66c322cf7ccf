import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { VariablesController } from './variables.controller';
import { VariablesRepository } from './variables.repository';
import { VariablesService } from './variables.service';

/** Each environment's variables: never promoted; resolved where the environment is rendered. */
@Module({
  imports: [AuditModule, EnvironmentsModule, SiteEventsModule],
  providers: [VariablesRepository, VariablesService],
  exports: [VariablesService],
})
export class VariablesModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [VariablesModule], controllers: [VariablesController] })
export class VariablesApiModule {}
