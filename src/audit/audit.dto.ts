import { dateTime, nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';

export const auditRecordSchema: SchemaObject = object({
  id: { type: 'string' },
  actor: { type: 'string', description: '"admin" or "token:<id>"' },
  actorRole: { type: 'string' },
  action: { type: 'string', description: 'e.g. promotion.started, token.created' },
  subject: nullable({ type: 'string' }),
  details: { type: 'object', additionalProperties: true },
  requestId: nullable({ type: 'string' }),
  createdAt: dateTime,
});
