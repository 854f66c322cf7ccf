import { Module } from '@nestjs/common';
import { EnvironmentsModule } from '../environments/environments.module';
import { JobsModule } from '../jobs/jobs.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { HeadSwapService } from './head-swap.service';
import { StatesRepository } from './states.repository';
import { StatesService } from './states.service';

@Module({
  imports: [EnvironmentsModule, JobsModule, MaintenanceModule, SiteEventsModule],
  providers: [StatesRepository, StatesService, HeadSwapService],
  exports: [StatesService, HeadSwapService],
})
export class StatesModule {}
