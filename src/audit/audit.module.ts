import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [AuditModule], controllers: [AuditController] })
export class AuditApiModule {}
