import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { StatesModule } from '../states/states.module';
import { GarbageCollectionController } from './gc.controller';
import { GarbageCollectionProcessor } from './gc.processor';
import { GarbageCollector } from './garbage-collector.service';

@Module({ imports: [StatesModule], providers: [GarbageCollector], exports: [GarbageCollector] })
export class GcModule {}

/** The hourly collection, only where this process works jobs (the worker role). */
@Module({ imports: [GcModule, JobsModule], providers: [GarbageCollectionProcessor] })
export class GcWorkerModule {}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [GcModule], controllers: [GarbageCollectionController] })
export class GcApiModule {}
