import { object, type SchemaObject } from '../platform/openapi/schema-ref';

export const collectResultSchema: SchemaObject = object({
  states: { type: 'integer', description: 'content states deleted' },
  revisions: { type: 'integer' },
  blobs: object({ staging: { type: 'integer' }, production: { type: 'integer' } }),
  ms: { type: 'integer', description: 'how long the collection took' },
});
