import { CONTENT_TYPES } from '../../libs/content-model';
import { dateTime, nullable, nullableRef, object, type SchemaObject } from '../platform/openapi/schema-ref';

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

export const adoptSchema = {
  type: 'object',
  required: ['type', 'key'],
  additionalProperties: false,
  // Bounded here; the type and key themselves are checked like a content route's (400 invalid_key).
  properties: {
    type: { type: 'string', maxLength: 50, description: 'a content type' },
    key: { type: 'string', maxLength: 200 },
  },
};

export interface AdoptBody {
  type: string;
  key: string;
}

export interface PutContentBody {
  data: unknown;
}

export const contentTypeSchema: SchemaObject = { type: 'string', enum: CONTENT_TYPES as unknown as string[] };

/** The response schemas of the content API, named in the OpenAPI document. */
export const contentResponseSchemas: Record<string, SchemaObject> = {
  Entity: object(
    {
      type: contentTypeSchema,
      key: { type: 'string' },
      data: { description: "the body (the draft, for pages and posts); its schema is the type's <Type>Data" },
      published: { description: 'staging pages and posts: the published body, or null' },
      revision: { type: 'string', description: "the body's content hash" },
      publishedRevision: nullable({ type: 'string' }),
      version: { type: 'integer' },
      updatedAt: dateTime,
    },
    ['published', 'publishedRevision', 'updatedAt'],
  ),
  AdoptResult: object({
    type: contentTypeSchema,
    key: { type: 'string' },
    op: {
      type: 'string',
      enum: ['copied', 'removed'],
      description: "copied: staging now has production's body; removed: production no longer has it, nor does staging",
    },
    entity: nullableRef('Entity'),
  }),
};
