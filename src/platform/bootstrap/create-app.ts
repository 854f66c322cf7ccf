import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../app.module';
import { runMigrations } from '../database/data-source';
import { buildOpenApiDocument } from '../openapi/openapi-document';
import type { RuntimeConfig } from '../config/runtime-config';
import { verifyJsonBody } from '../validation/json-body-guard';

// Room for a bulk import of 1,000 page-builder bodies (about 2 KB each); anything larger answers 413.
export const JSON_BODY_LIMIT = '10mb';

/** Builds the application for a role; main.ts and the tests boot it the same way. */
// Node closes an idle keep-alive connection after 5 s, racing a client (or a load balancer, which keeps them
// 60 s) that sends its next request on it just then: that request fails with a reset. Outlast the balancer.
const KEEP_ALIVE_MS = 65_000;

function keepIdleConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
}

export async function createApp(
  config: RuntimeConfig,
  roles: { api: boolean; worker: boolean },
): Promise<NestExpressApplication> {
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, ...roles }), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // Names the framework to every visitor, for nothing.
  app.disable('x-powered-by');
  keepIdleConnectionsOpen(app.getHttpServer());
  app.set('trust proxy', 'loopback');
  // Depth, lone surrogates and U+0000 are refused from the raw text, before JSON.parse and any recursive walk.
  // Nest's types leave out `verify` because its rawBody option would replace it; this app has no rawBody.
  app.useBodyParser('json', {
    limit: JSON_BODY_LIMIT,
    verify: verifyJsonBody,
  } as NestExpressBodyParserOptionsFor<'json'>);
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  // Built on the first request for it and kept (~80 ms of CPU that a boot no longer spends).
  if (roles.api)
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
