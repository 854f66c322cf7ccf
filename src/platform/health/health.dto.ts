import { object, type SchemaObject } from '../openapi/schema-ref';

const check = object(
  {
    status: { type: 'string', enum: ['up', 'down'] },
    latencyMs: { type: 'integer' },
    error: { type: 'string', description: 'why it is down' },
  },
  ['error'],
);

export const healthSchema: SchemaObject = object({
  status: { type: 'string', enum: ['ok', 'unavailable'] },
  checks: object({ database: check, redis: check, s3: check }),
});
