import { Global, Module } from '@nestjs/common';
import { MaintenanceRepository } from './maintenance.repository';
import { MaintenanceService } from './maintenance.service';

/** Global: the promotion engine (worker) and the public site (API) both use the lease. */
@Global()
@Module({ providers: [MaintenanceRepository, MaintenanceService], exports: [MaintenanceService] })
export class MaintenanceModule {}
