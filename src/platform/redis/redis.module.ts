import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

export const REDIS = Symbol('REDIS');

/** Creates ioredis connections for this process and closes them all on shutdown. */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly open: Redis[] = [];
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  create(purpose: string): Redis {
    // maxRetriesPerRequest null: BullMQ's requirement, and commands wait for a reconnect rather than fail.
    const client = new Redis(this.config.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: `promote:${purpose}`,
    });
    client.on('error', () => {}); // reconnects on its own; /health reports the outage
    this.open.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.open.map((client) => client.quit().catch(() => client.disconnect())));
  }
}

@Global()
@Module({
  providers: [
    RedisConnections,
    { provide: REDIS, inject: [RedisConnections], useFactory: (c: RedisConnections) => c.create('commands') },
  ],
  exports: [RedisConnections, REDIS],
})
export class RedisModule {}
