import { object, type SchemaObject } from '../platform/openapi/schema-ref';

const MAX_VARIABLES = 200;
const MAX_VALUE_LENGTH = 4096;

const value: SchemaObject = { type: 'string', maxLength: MAX_VALUE_LENGTH };
const withSecret: SchemaObject = {
  type: 'object',
  required: ['value'],
  additionalProperties: false,
  properties: { value, secret: { type: 'boolean', default: false } },
};
const keep: SchemaObject = {
  type: 'object',
  required: ['keep'],
  additionalProperties: false,
  properties: { keep: { type: 'boolean', enum: [true], description: 'keep the stored (secret) value' } },
};

/** `{NAME: value}` (names checked by the service: ^[A-Z][A-Z0-9_]{0,63}$); `{NAME: {value, secret: true}}` for a write-only value; `{NAME: {keep: true}}` keeps a secret. */
export const putVariablesSchema: SchemaObject = {
  type: 'object',
  maxProperties: MAX_VARIABLES,
  additionalProperties: { oneOf: [value, withSecret, keep] },
};

export type PutVariablesBody = Record<string, string | { value: string; secret?: boolean } | { keep: true }>;

export const variablesSchema: SchemaObject = object({
  variables: {
    type: 'object',
    additionalProperties: object({
      value: { type: 'string', nullable: true, description: 'null for a secret: it is write-only' },
      secret: { type: 'boolean' },
      masked: { type: 'string', description: 'a secret, shown as •••• and its last 2 characters' },
    }),
  },
});
