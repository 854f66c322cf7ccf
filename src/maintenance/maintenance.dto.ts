import { dateTime, object, type SchemaObject } from '../platform/openapi/schema-ref';

export const takeMaintenanceSchema = {
  type: 'object',
  required: ['reason', 'ttlSeconds'],
  additionalProperties: false,
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '^(?=[\\s\\S]*\\S)[^\\u0000]*$' },
    ttlSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 86400,
      description: 'The lease ends by itself after this many seconds (1 to 86,400) if nobody releases it.',
    },
  },
};

export interface TakeMaintenanceBody {
  reason: string;
  ttlSeconds: number;
}

export const maintenanceSchema: SchemaObject = object({
  reason: { type: 'string' },
  holder: { type: 'string', description: 'who holds the lease' },
  until: dateTime,
});
