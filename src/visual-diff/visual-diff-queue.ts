import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../jobs/job-names';
import { waitAtMost } from '../platform/redis/wait-at-most';

export interface VisualDiffJob {
  visualDiffId: string;
}

// A failure that is not the page's own (S3, the database) is tried again; the page's are recorded at once.
export const MAX_VISUAL_DIFF_ATTEMPTS = 3;
const ENQUEUE_WAIT_MS = 500;

@Injectable()
export class VisualDiffQueue {
  private readonly logger = new Logger(VisualDiffQueue.name);

  constructor(@InjectQueue(QueueName.VisualDiffs) private readonly queue: Queue<VisualDiffJob>) {}

  /**
   * Queues each pending comparison; its row id is the BullMQ id, so asking again (every poll does) queues it
   * once. A poll that finds Redis slow goes on: the next one queues what this one could not.
   */
  async enqueue(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const added = this.queue
      .addBulk(
        ids.map((id) => ({
          name: 'compare',
          data: { visualDiffId: id },
          opts: {
            jobId: id,
            attempts: MAX_VISUAL_DIFF_ATTEMPTS,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 1000 },
          },
        })),
      )
      .then(() => true);
    if (!(await waitAtMost(added, ENQUEUE_WAIT_MS, false)))
      this.logger.warn(`${ids.length} visual diff(s) not queued yet (Redis slow or down): the next poll queues them`);
  }
}
