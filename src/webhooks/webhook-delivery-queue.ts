import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../jobs/job-names';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { waitAtMost } from '../platform/redis/wait-at-most';

/**
 * Twelve attempts, the first retry after WEBHOOK_RETRY_BASE_MS (30 s) and each later one twice as late:
 * 30 s, 1, 2, 4, 8, 16, 32, 64, 128, 256 and 512 min, so the last attempt comes about 17 hours after the first.
 */
export const MAX_DELIVERY_ATTEMPTS = 12;

/** BullMQ's exponential backoff: the wait after attempt n (1-based) failed. */
export const retryDelayMs = (baseMs: number, attempt: number): number => Math.round(baseMs * 2 ** (attempt - 1));

export interface WebhookDeliveryJob {
  deliveryId: string;
}

const ENQUEUE_WAIT_MS = 500;

@Injectable()
export class WebhookDeliveryQueue {
  private readonly logger = new Logger(WebhookDeliveryQueue.name);

  constructor(
    @InjectQueue(QueueName.WebhookDeliveries) private readonly queue: Queue<WebhookDeliveryJob>,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** After the delivery row committed; its id is the BullMQ id, so adding it twice queues it once. */
  async enqueue(deliveryId: string): Promise<void> {
    const added = this.queue
      .add(
        'deliver',
        { deliveryId },
        {
          jobId: deliveryId,
          attempts: MAX_DELIVERY_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.config.webhooks.retryBaseMs },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        },
      )
      .then(() => true);
    // Not queued in time: the row stays pending and the dispatcher's sweep queues it once it is overdue.
    if (!(await waitAtMost(added, ENQUEUE_WAIT_MS, false)))
      this.logger.warn(`Webhook delivery ${deliveryId} not queued yet (Redis slow or down): the sweep will queue it`);
  }
}
