import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ChangelogController } from './changelog.controller';
import { ChangelogRepository } from './changelog.repository';
import { ChangelogService } from './changelog.service';

@Module({ imports: [JobsModule], providers: [ChangelogRepository, ChangelogService], exports: [ChangelogService] })
export class ChangelogModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [ChangelogModule], controllers: [ChangelogController] })
export class ChangelogApiModule {}
