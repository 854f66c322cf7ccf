import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { CONTENT_TYPES, contentSchemas } from '../libs/content-model';
import { AppModule } from './app.module';
import { contentSchemaName } from './content/content.dto';
import { runMigrations } from './database/data-source';
import type { RuntimeConfig } from './config/runtime-config';

// Room for a bulk import of 1,000 page-builder bodies (about 2 KB each); anything larger answers 413.
export const JSON_BODY_LIMIT = '10mb';

/** Builds the application for a role; main.ts and the tests boot it the same way. */
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
  app.set('trust proxy', 'loopback');
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  if (roles.api) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Promote')
        .setDescription('Staging to production, in one click, safely. Errors are {"error": {code, message, details}}.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    // Each content type's JSON Schema, the same one that validates writes, as a named component.
    document.components!.schemas = {
      ...document.components!.schemas,
      ...Object.fromEntries(CONTENT_TYPES.map((type) => [contentSchemaName(type), contentSchemas[type] as object])),
    };
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
