import { CONTENT_TYPES } from '../../libs/content-model';

export const putContentSchema = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  // Every type's body is an object; a null here would reach the break-glass path as a delete.
  properties: {
    data: { type: 'object', description: 'the body; its schema depends on the type (see the <type>Data schemas)' },
  },
};

/** For the OpenAPI document: the body of PUT names every type's schema. */
export const putContentDocSchema = {
  type: 'object',
  required: ['data'],
  properties: {
    data: { oneOf: CONTENT_TYPES.map((type) => ({ $ref: `#/components/schemas/${contentSchemaName(type)}` })) },
  },
};

export function contentSchemaName(type: string): string {
  return `${type.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}Data`;
}

export interface PutContentBody {
  data: unknown;
}

export const envSchema = { type: 'string', enum: ['staging', 'production'] };
