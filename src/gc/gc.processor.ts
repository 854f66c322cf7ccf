import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../jobs/job-names';
import { GarbageCollector } from './garbage-collector.service';

// Hourly is plenty: garbage costs only storage, and a collection holds the content lock while it runs.
const EVERY_MS = 60 * 60 * 1000;

/** Runs the garbage collector on a schedule that all workers share (one run per interval, on one of them). */
@Processor(QueueName.Housekeeping)
export class GarbageCollectionProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly collector: GarbageCollector,
    @InjectQueue(QueueName.Housekeeping) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('collect-garbage', { every: EVERY_MS }, { name: 'collect-garbage' });
  }

  async process(): Promise<unknown> {
    return this.collector.collect();
  }
}
