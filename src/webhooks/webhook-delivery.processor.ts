import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName } from '../jobs/job-names';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { Transactions } from '../platform/database/transactions';
import { Metrics } from '../platform/metrics/metrics';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs, type WebhookDeliveryJob } from './webhook-delivery-queue';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { delivered, sendWebhook } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Sends one delivery per run and records the attempt. A failed attempt throws so that BullMQ retries it after
 * its exponential backoff; the row counts the attempts, so the last one is known even if the queue lost count.
 */
@Processor(QueueName.WebhookDeliveries, { concurrency: 8 })
export class WebhookDeliveryProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(
    private readonly transactions: Transactions,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly metrics: Metrics,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {
    super();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job<WebhookDeliveryJob>): Promise<void> {
    const delivery = await this.deliveries.findPending(this.transactions.autocommit, job.data.deliveryId);
    if (!delivery) return; // delivered, given up, or its webhook deleted
    const webhook = await this.webhooks.signingOf(this.transactions.autocommit, delivery.webhookId);
    if (!webhook) return;
    const number = delivery.attempts + 1;
    const outcome = await sendWebhook({
      url: webhook.url,
      secret: webhook.secret,
      deliveryId: delivery.id,
      event: delivery.event,
      body: JSON.stringify(delivery.payload),
      allowPrivate: this.config.webhooks.allowPrivateAddresses,
    });
    const ok = delivered(outcome);
    const last = ok || number >= MAX_DELIVERY_ATTEMPTS;
    const retryInMs = retryDelayMs(this.config.webhooks.retryBaseMs, number);
    this.metrics.webhookDelivery(ok ? 'succeeded' : last ? 'failed' : 'retry');
    const recorded = await this.transactions.run({}, (tx) =>
      this.deliveries.recordAttempt(
        tx,
        delivery.id,
        { number, ...outcome },
        ok ? { status: 'succeeded' } : last ? { status: 'failed' } : { status: 'pending', retryInMs },
      ),
    );
    if (!recorded || last) return;
    throw new Error(
      `Webhook delivery ${delivery.id} attempt ${number} failed (${outcome.statusCode ?? outcome.error})`,
    );
  }
}
