import { CONTENT_TYPES } from '../../libs/content-model';
import { object, type SchemaObject } from '../platform/openapi/schema-ref';

// 1,000 realistic page-builder bodies (about 2 KB each) is what fits in one request body and one short
// transaction; larger sites are imported in several calls.
export const MAX_IMPORT_ENTITIES = 1000;

export const importContentSchema = {
  type: 'object',
  required: ['entities'],
  additionalProperties: false,
  properties: {
    entities: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_IMPORT_ENTITIES,
      items: {
        type: 'object',
        required: ['type', 'key', 'data'],
        additionalProperties: false,
        properties: {
          type: { type: 'string', enum: CONTENT_TYPES as unknown as string[] },
          key: { type: 'string' },
          data: { description: 'the body, validated like a PUT of this type' },
          publish: {
            type: 'boolean',
            description: 'pages and posts only: also publish this body (like PUT then publish); default false',
          },
        },
      },
    },
  },
};

export interface ImportEntity {
  type: string;
  key: string;
  data: unknown;
  publish?: boolean;
}

export interface ImportContentBody {
  entities: ImportEntity[];
}

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  stagingVersion: number;
}

export const importResultSchema: SchemaObject = object({
  imported: { type: 'integer' },
  created: { type: 'integer' },
  updated: { type: 'integer' },
  unchanged: { type: 'integer' },
  stagingVersion: { type: 'integer', description: "staging's version after the import" },
});
