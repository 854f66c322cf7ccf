import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../jobs/job-names';
import type { Selection } from '../promotion/selection';
import { waitAtMost } from '../platform/redis/wait-at-most';

/** One page of a preview: its pending comparisons (one per width), rendered from one load of each side. */
export interface VisualDiffJob {
  visualDiffIds: string[];
  /** A selective preview's selection: the worker builds the candidate state from it (the fingerprint has its hash). */
  selection?: Selection;
}

// A failure that is not the page's own (S3, the database) is tried again; the page's are recorded at once.
export const MAX_VISUAL_DIFF_ATTEMPTS = 3;
const ENQUEUE_WAIT_MS = 500;

@Injectable()
export class VisualDiffQueue {
  private readonly logger = new Logger(VisualDiffQueue.name);

  constructor(@InjectQueue(QueueName.VisualDiffs) private readonly queue: Queue<VisualDiffJob>) {}

  /**
   * Queues each page's pending comparisons as one job, named after its first row, so asking again (every poll
   * does) queues it once. A poll that finds Redis slow goes on: the next one queues what this one could not.
   */
  async enqueue(pages: readonly string[][], selection?: Selection): Promise<void> {
    if (pages.length === 0) return;
    const added = this.queue
      .addBulk(
        pages.map((ids) => ({
          name: 'compare',
          data: { visualDiffIds: [...ids], ...(selection ? { selection } : {}) },
          opts: {
            jobId: `page-${ids[0]}`,
            attempts: MAX_VISUAL_DIFF_ATTEMPTS,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 1000 },
          },
        })),
      )
      .then(() => true);
    if (!(await waitAtMost(added, ENQUEUE_WAIT_MS, false)))
      this.logger.warn(
        `${pages.length} page(s) to compare not queued yet (Redis slow or down): the next poll queues them`,
      );
  }
}
