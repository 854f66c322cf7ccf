import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './platform/config/config.module';
import type { RuntimeConfig } from './platform/config/runtime-config';
import { DatabaseModule } from './platform/database/database.module';
import { ErrorFilter } from './platform/errors/error.filter';
import { GcWorkerModule } from './gc/gc.module';
import { HealthController } from './platform/health/health.controller';
import { JobsWorkerModule } from './jobs/jobs.module';
import { redactRequestLog, redactResponseLog } from './platform/logging/log-redaction';
import { MediaStoreModule } from './platform/media-store/media-store.module';
import { MetricsModule } from './platform/metrics/metrics.module';
import { PromotionModule } from './promotion/promotion.module';
import { RedisModule } from './platform/redis/redis.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { StagingResetModule } from './staging-reset/staging-reset.module';
import { VisualDiffWorkerModule } from './visual-diff/visual-diff.module';
import { WebhooksWorkerModule } from './webhooks/webhooks.module';

export interface AppOptions {
  config: RuntimeConfig;
  api: boolean;
  worker: boolean;
}

/** One codebase, two roles: the HTTP API and the queue workers, together or apart. */
@Module({})
export class AppModule {
  static register({ config, api, worker }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Honour a caller's X-Request-Id (a proxy's), else make one; it is on every log line of the request.
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            customProps: () => ({ role: api && worker ? 'all' : api ? 'api' : 'worker' }),
            // Probes and scrapers poll: their lines would drown the rest.
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
            serializers: { req: redactRequestLog, res: redactResponseLog },
          },
        }),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
          prefix: config.redisPrefix,
        }),
        MediaStoreModule,
        // Every role serves GET /metrics on PORT, as it serves /health: each process counts what happens in it.
        MetricsModule,
        AuthModule,
        // Job handlers live in the feature modules, so every role loads them; routes only with the API.
        PromotionModule,
        SnapshotsModule,
        StagingResetModule,
        ...(worker ? [JobsWorkerModule, GcWorkerModule, WebhooksWorkerModule, VisualDiffWorkerModule] : []),
        ...(api ? [ApiModule] : []),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
