import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CONTENT_TYPES, contentSchemas } from '../../../libs/content-model';
import { AppModule } from '../../app.module';
import { auditRecordSchema } from '../../audit/audit.dto';
import { changelogSchemas } from '../../changelog/changelog.dto';
import { meSchema } from '../../auth/me.dto';
import { loadConfig } from '../config/config';
import type { RuntimeConfig } from '../config/runtime-config';
import { importResultSchema } from '../../content/content-import.dto';
import { contentResponseSchemas, contentSchemaName } from '../../content/content.dto';
import { collectResultSchema } from '../../gc/gc.dto';
import { healthSchema } from '../health/health.dto';
import { jobSchemas } from '../../jobs/job.dto';
import { maintenanceSchema } from '../../maintenance/maintenance.dto';
import { uploadedMediaSchema } from '../../media/media.dto';
import { promotionSchemas } from '../../promotion/promotion.dto';
import { approvalSchemas } from '../../release-gates/approval.dto';
import { reviewLinkSchemas } from '../../review-links/review-links.dto';
import { siteSchemas } from '../../sites/site.dto';
import { snapshotSchema } from '../../snapshots/snapshot.dto';
import { stagingBackupSchema } from '../../staging-reset/staging-reset.dto';
import { domainsSchema } from '../../domains/domains.dto';
import { variablesSchema } from '../../variables/variables.dto';
import { visitorDataSchemas } from '../../visitor-data/visitor-data.dto';
import { visualDiffSchemas } from '../../visual-diff/visual-diff.dto';
import { webhookSchemas } from '../../webhooks/webhooks.dto';
import { errorResponseSchema } from './api-errors.decorator';
import type { SchemaObject } from './schema-ref';

/** Every named response schema; decorators point at them with ref(name). */
const RESPONSE_SCHEMAS: Record<string, SchemaObject> = {
  ErrorResponse: errorResponseSchema,
  Me: meSchema,
  ...siteSchemas,
  ...contentResponseSchemas,
  ImportResult: importResultSchema,
  UploadedMedia: uploadedMediaSchema,
  AuditRecord: auditRecordSchema,
  ...jobSchemas,
  ...promotionSchemas,
  ...changelogSchemas,
  ...approvalSchemas,
  Snapshot: snapshotSchema,
  StagingBackup: stagingBackupSchema,
  CollectResult: collectResultSchema,
  Maintenance: maintenanceSchema,
  ...reviewLinkSchemas,
  Domains: domainsSchema,
  Variables: variablesSchema,
  ...visitorDataSchemas,
  ...visualDiffSchemas,
  ...webhookSchemas,
  Health: healthSchema,
};

/** The API's OpenAPI document, read from the controllers' decorators of an app built with the api role. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Promote')
      .setDescription('Staging to production, in one click, safely. Errors are {"error": {code, message, details}}.')
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
      .addServer('/', 'this service')
      // Tokens are opaque random strings (stored hashed), not JWTs.
      .addSecurity('bearer', {
        type: 'http',
        scheme: 'bearer',
        description: 'ADMIN_TOKEN (the platform admin) or a site token from POST /api/sites/{site}/tokens',
      })
      .build(),
    // Controller method names are unique verb-noun names, so they are the operationIds (and client method names).
    { operationIdFactory: (_controller, method) => method },
  );
  document.components!.schemas = {
    ...document.components!.schemas,
    ...RESPONSE_SCHEMAS,
    // Each content type's JSON Schema, the same one that validates writes, as a named component.
    ...Object.fromEntries(CONTENT_TYPES.map((type) => [contentSchemaName(type), contentSchemas[type] as object])),
  };
  return document;
}

/**
 * The document without a database, Redis or S3: Nest's preview mode registers the modules and controllers
 * but instantiates no provider, so nothing connects (CI lints this and generates the console's types from it).
 */
export async function buildOfflineOpenApiDocument(): Promise<OpenAPIObject> {
  const unused = 'postgres://offline.invalid/none';
  const config: RuntimeConfig = {
    ...loadConfig({}),
    databaseUrl: unused,
    redisUrl: 'redis://offline.invalid:6379',
    adminToken: 'offline',
    s3: { ...loadConfig({}).s3, accessKeyId: 'offline', secretAccessKey: 'offline' },
  };
  const app = await NestFactory.create(AppModule.register({ config, api: true, worker: false }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
