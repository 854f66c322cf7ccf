import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { SitesModule } from '../sites/sites.module';
import { AuthGuard } from './auth.guard';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { TokensController } from './tokens.controller';
import { TokensRepository } from './tokens.repository';
import { TokensService } from './tokens.service';

/** Who is calling: the admin token, site tokens (stored hashed) and the guard that checks every route. */
@Module({
  imports: [AuditModule, SitesModule],
  providers: [TokensRepository, TokensService, MeService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokensService, MeService],
})
export class AuthModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [AuthModule], controllers: [MeController, TokensController] })
export class AuthApiModule {}
