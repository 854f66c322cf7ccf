import { Module } from '@nestjs/common';
import { EnvironmentsModule } from '../environments/environments.module';
import { CrashPointsModule } from '../jobs/crash-points.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { HeadSwapService } from './head-swap.service';
import { StatesRepository } from './states.repository';
import { StatesService } from './states.service';

@Module({
  imports: [CrashPointsModule, EnvironmentsModule, MaintenanceModule, SiteEventsModule],
  providers: [StatesRepository, StatesService, HeadSwapService],
  exports: [StatesService, HeadSwapService],
})
export class StatesModule {}
