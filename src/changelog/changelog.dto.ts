import { CONTENT_TYPES } from '../../libs/content-model';
import { nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';

export const changelogQuerySchema = {
  type: 'object',
  properties: {
    format: { type: 'string', enum: ['json', 'markdown'], description: 'default json, or by Accept: text/markdown' },
  },
};

/** The response schemas of the changelog API, named in the OpenAPI document. */
export const changelogSchemas: Record<string, SchemaObject> = {
  Changelog: object({
    jobId: { type: 'string', format: 'uuid' },
    kind: { type: 'string' },
    fromVersion: nullable({ type: 'integer' }),
    toVersion: nullable({ type: 'integer', description: 'null until the swap' }),
    summary: { type: 'string', description: 'e.g. "3 pages changed: Home, About, Menu; 1 form added: Contact"' },
    counts: object({ added: { type: 'integer' }, changed: { type: 'integer' }, removed: { type: 'integer' } }),
    groups: {
      type: 'array',
      items: object({
        type: { type: 'string', enum: CONTENT_TYPES as unknown as string[] },
        op: { type: 'string', enum: ['added', 'changed', 'removed'] },
        count: { type: 'integer' },
        names: { type: 'array', items: { type: 'string' }, description: 'the first 20, by key: titles, else keys' },
      }),
    },
  }),
};
