import { DynamicModule, Module } from '@nestjs/common';
import { GarbageCollectionProcessor } from './gc.processor';
import { GarbageCollector } from './garbage-collector.service';

@Module({})
export class GcModule {
  static register({ worker }: { worker: boolean }): DynamicModule {
    return {
      module: GcModule,
      global: true,
      providers: [GarbageCollector, ...(worker ? [GarbageCollectionProcessor] : [])],
      exports: [GarbageCollector],
    };
  }
}
