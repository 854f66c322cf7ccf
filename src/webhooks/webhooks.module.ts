import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AuditModule } from '../audit/audit.module';
import { ChangelogModule } from '../changelog/changelog.module';
import { JobsModule } from '../jobs/jobs.module';
import { QueueName } from '../jobs/job-names';
import { Metrics } from '../platform/metrics/metrics';
import { SitesModule } from '../sites/sites.module';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDeliveryQueue } from './webhook-delivery-queue';
import { WebhookDispatchCursorRepository } from './webhook-dispatch-cursor.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookPayloads } from './webhook-payloads';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

const queue = BullModule.registerQueue({ name: QueueName.WebhookDeliveries });

@Module({
  imports: [AuditModule],
  providers: [WebhooksRepository, WebhookDeliveriesRepository, WebhooksService],
  exports: [WebhooksService, WebhooksRepository, WebhookDeliveriesRepository],
})
export class WebhooksModule {}

/** The dispatcher (the audit log → deliveries) and the sender, only where this process works jobs. */
@Module({
  imports: [WebhooksModule, AuditModule, ChangelogModule, JobsModule, SitesModule, queue],
  providers: [
    WebhookDispatchCursorRepository,
    WebhookPayloads,
    WebhookDeliveryQueue,
    WebhookDispatcher,
    WebhookDeliveryProcessor,
  ],
})
export class WebhooksWorkerModule implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    @InjectQueue(QueueName.WebhookDeliveries) private readonly deliveries: Queue,
  ) {}

  // Registered where deliveries are worked: an API-only process has no handle on this queue.
  onModuleInit(): void {
    this.metrics.watchQueues(this.deliveries);
  }
}

/** The feature's HTTP routes, loaded only in processes with the api role. */
@Module({ imports: [WebhooksModule], controllers: [WebhooksController] })
export class WebhooksApiModule {}
