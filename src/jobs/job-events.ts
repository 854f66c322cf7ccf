import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { Observable } from 'rxjs';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { publishBounded } from '../platform/redis/publish-bounded';
import { REDIS, RedisConnections } from '../platform/redis/redis.module';

/** Tells every node that a job row changed; the row in PostgreSQL stays the truth. */
@Injectable()
export class JobEvents implements OnModuleDestroy {
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly connections: RedisConnections,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  private get channel(): string {
    return `${this.config.redisPrefix}:jobs`;
  }

  async publish(jobId: string): Promise<void> {
    // A lost notification only delays the stream until its next poll, so publishing never fails a job.
    await publishBounded(this.redis, this.channel, jobId);
  }

  /** Emits whenever the job changes (and on a slow poll, in case a notification was lost). */
  changes(jobId: string, pollMs = 1000): Observable<void> {
    this.ensureSubscribed();
    return new Observable<void>((subscriber) => {
      const notify = () => subscriber.next();
      const set = this.listeners.get(jobId) ?? new Set();
      set.add(notify);
      this.listeners.set(jobId, set);
      const timer = setInterval(notify, pollMs);
      notify();
      return () => {
        clearInterval(timer);
        set.delete(notify);
        if (!set.size) this.listeners.delete(jobId);
      };
    });
  }

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    this.subscriber = this.connections.create('job-events');
    void this.subscriber.subscribe(this.channel).catch(() => {});
    this.subscriber.on('message', (_channel: string, jobId: string) => {
      for (const notify of this.listeners.get(jobId) ?? []) notify();
    });
  }

  onModuleDestroy(): void {
    this.listeners.clear();
  }
}
