import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { EnvName, Site } from '../sites/site.types';
import { queryDate } from '../validation/bounded-date';
import { type AnalyticsEventRow, AnalyticsRepository } from './analytics.repository';
import { BatchWriter } from './batch-writer';
import { assertMayRead } from './visitor-data-access';

export interface CollectedEvent {
  event: string;
  path: string;
  props?: Record<string, unknown>;
}

// 500 rows is one statement of a few hundred kilobytes at most; 10 ms of waiting is invisible to a beacon.
const BATCH = { maxBatch: 500, maxDelayMs: 10 };

/** Analytics events (page views and custom events): written in batches, summarised for the API. */
@Injectable()
export class AnalyticsService implements OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsService.name);
  private readonly writer: BatchWriter<AnalyticsEventRow>;

  constructor(private readonly analytics: AnalyticsRepository) {
    this.writer = new BatchWriter((rows) => this.analytics.insertMany(rows), BATCH);
  }

  /** Resolves once the events are stored (with whatever else arrived in the same few milliseconds). */
  async record(
    target: { siteId: string; env: EnvName },
    events: CollectedEvent[],
    sessionId: string | null,
  ): Promise<{ accepted: number }> {
    const at = new Date();
    await Promise.all(
      events.map((e) =>
        this.writer.add({ ...target, event: e.event, path: e.path, props: e.props ?? null, sessionId, at }),
      ),
    );
    return { accepted: events.length };
  }

  async summary(site: Site, env: EnvName, principal: Principal, query: { since?: string; until?: string }) {
    assertMayRead(principal, env);
    return this.analytics.summary(site.id, env, {
      since: queryDate(query.since, 'since'),
      until: queryDate(query.until, 'until'),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.writer.flush().catch((error) => this.logger.error(error));
  }
}
