import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { publishBounded } from '../platform/redis/publish-bounded';
import { REDIS, RedisConnections } from '../platform/redis/redis.module';

/**
 * What changed about a site's environment: its head state (a swap), its maintenance lease, its domains or
 * content or variables; or about the site itself ('settings', such as trusted custom code, for both environments).
 */
export interface SiteEvent {
  siteId: string;
  env: 'staging' | 'production';
  kind: 'head' | 'maintenance' | 'domains' | 'content' | 'settings' | 'variables';
}

/**
 * Tells every node (over Redis pub/sub) that a site's environment changed, so caches refresh at once.
 * PostgreSQL stays the truth: a lost message only delays a node until its cache's own expiry.
 */
@Injectable()
export class SiteEventsService implements OnModuleDestroy {
  private subscriber?: Redis;
  private readonly listeners = new Set<(event: SiteEvent) => void>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly connections: RedisConnections,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  private get channel(): string {
    return `${this.config.redisPrefix}:site-events`;
  }

  async publish(event: SiteEvent): Promise<void> {
    await publishBounded(this.redis, this.channel, JSON.stringify(event));
  }

  /** Returns an unsubscribe function. */
  subscribe(listener: (event: SiteEvent) => void): () => void {
    this.ensureSubscribed();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    this.subscriber = this.connections.create('site-events');
    void this.subscriber.subscribe(this.channel).catch(() => {});
    this.subscriber.on('message', (_channel: string, message: string) => {
      let event: SiteEvent;
      try {
        event = JSON.parse(message);
      } catch {
        return;
      }
      const deliver = () => {
        for (const listener of this.listeners) listener(event);
      };
      if (this.config.siteEventsDelayMs) setTimeout(deliver, this.config.siteEventsDelayMs).unref();
      else deliver();
    });
  }

  onModuleDestroy(): void {
    this.listeners.clear();
  }
}
