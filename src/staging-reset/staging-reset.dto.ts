import { dateTime, nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';

export const stagingBackupSchema: SchemaObject = object({
  id: { type: 'string', format: 'uuid' },
  reason: { type: 'string', enum: ['reset', 'backup_restore'], description: 'what overwrote this staging state' },
  stagingVersion: { type: 'integer' },
  entityCount: { type: 'integer' },
  jobId: nullable({ type: 'string', format: 'uuid' }),
  createdAt: dateTime,
});
