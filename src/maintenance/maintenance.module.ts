import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { MaintenanceController } from './maintenance.controller';
import { MaintenanceService } from './maintenance.service';

/** The maintenance lease: taken by the head swap (worker) and by owners, honoured by the public site (API). */
@Module({
  imports: [AuditModule, EnvironmentsModule, SiteEventsModule],
  providers: [MaintenanceService],
  exports: [MaintenanceService],
})
export class MaintenanceModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [MaintenanceModule], controllers: [MaintenanceController] })
export class MaintenanceApiModule {}
