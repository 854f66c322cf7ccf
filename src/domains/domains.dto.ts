import { object, type SchemaObject } from '../platform/openapi/schema-ref';

export const putDomainsSchema = {
  type: 'object',
  required: ['domains'],
  additionalProperties: false,
  properties: {
    domains: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['host'],
        additionalProperties: false,
        properties: {
          host: { type: 'string', minLength: 1, maxLength: 253, description: 'e.g. www.example.com' },
          primary: { type: 'boolean', default: false },
        },
      },
    },
  },
};

export interface PutDomainsBody {
  domains: { host: string; primary?: boolean }[];
}

export const domainsSchema: SchemaObject = object({
  domains: { type: 'array', items: object({ host: { type: 'string' }, primary: { type: 'boolean' } }) },
});
