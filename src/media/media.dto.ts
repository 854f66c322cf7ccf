import { object, type SchemaObject } from '../platform/openapi/schema-ref';

export const uploadedMediaSchema: SchemaObject = object(
  {
    key: { type: 'string' },
    sha256: { type: 'string' },
    size: { type: 'integer' },
    contentType: { type: 'string' },
    alt: { type: 'string' },
    version: { type: 'integer', description: "the media entity's staging version" },
  },
  ['alt'],
);
