import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';
import { ReleaseGates } from './release-gates.service';

/** Approvals of previews and freeze windows: what a promotion must pass, now or when a schedule fires. */
@Module({
  imports: [AuditModule, EnvironmentsModule],
  providers: [ApprovalsRepository, ApprovalsService, ReleaseGates],
  exports: [ApprovalsService, ReleaseGates],
})
export class ReleaseGatesModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [ReleaseGatesModule], controllers: [ApprovalsController] })
export class ReleaseGatesApiModule {}
