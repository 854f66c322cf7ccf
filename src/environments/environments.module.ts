import { Module } from '@nestjs/common';
import { EnvironmentsRepository } from './environments.repository';
import { EnvironmentsService } from './environments.service';

/** Staging and production of every site: heads, versions, change sequences and maintenance leases. */
@Module({ providers: [EnvironmentsRepository, EnvironmentsService], exports: [EnvironmentsService] })
export class EnvironmentsModule {}
