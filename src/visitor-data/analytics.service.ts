import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { Metrics } from '../platform/metrics/metrics';
import type { EnvName, Site } from '../sites/site.types';
import { queryDate } from '../platform/validation/bounded-date';
import { type AnalyticsEventRow, AnalyticsRepository } from './analytics.repository';
import { BatchWriter } from './batch-writer';
import type { CollectedEvent } from './collect-body';
import { describeWriteFailure, isRowFault } from './row-fault';
import { assertMayRead } from './visitor-data-access';

// About 500 rows is one statement of a few megabytes at most; 10 ms of waiting is invisible to a beacon. A
// request's events are one item, so they are stored together or refused together, never half of them.
const BATCH = {
  maxBatch: 500,
  maxDelayMs: 10,
  sizeOf: (rows: AnalyticsEventRow[]) => rows.length,
  isolate: isRowFault,
};

/** Analytics events (page views and custom events): written in batches, summarised for the API. */
@Injectable()
export class AnalyticsService implements OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsService.name);
  private readonly writer: BatchWriter<AnalyticsEventRow[]>;

  constructor(
    private readonly transactions: Transactions,
    private readonly analytics: AnalyticsRepository,
    metrics: Metrics,
  ) {
    this.writer = new BatchWriter((groups) => this.analytics.insertMany(this.transactions.autocommit, groups.flat()), {
      ...BATCH,
      ...metrics.batchWriterHooks('analytics'),
    });
  }

  /**
   * Resolves once the events are stored (with whatever else arrived in the same few milliseconds). Events the
   * database still refuses fail this call alone with 400 invalid_event; the rest of their batch is stored.
   */
  async record(
    target: { siteId: string; env: EnvName },
    events: CollectedEvent[],
    sessionId: string | null,
  ): Promise<{ accepted: number }> {
    const at = new Date();
    const rows = events.map(({ event, path, propsJson }) => ({ ...target, event, path, propsJson, sessionId, at }));
    await this.writer.add(rows).catch((error: unknown) => {
      if (!isRowFault(error)) throw error;
      this.logger.warn(`events refused by the database: ${describeWriteFailure(error)}`);
      throw new AppError('invalid_event', 'The event cannot be stored; it was not recorded.');
    });
    return { accepted: events.length };
  }

  async summary(site: Site, env: EnvName, principal: Principal, query: { since?: string; until?: string }) {
    assertMayRead(principal, env);
    return this.analytics.summary(this.transactions.autocommit, site.id, env, {
      since: queryDate(query.since, 'since'),
      until: queryDate(query.until, 'until'),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.writer.flush().catch((error) => this.logger.error(error));
  }
}
