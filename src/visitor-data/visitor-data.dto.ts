import { KEY_MAX_LENGTH, KEY_PATTERN } from '../../libs/content-model';
import { dateTime, object, type SchemaObject } from '../platform/openapi/schema-ref';

export const submissionsQuery = { form: { type: 'string', maxLength: KEY_MAX_LENGTH, pattern: KEY_PATTERN } };

export const analyticsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: { type: 'string', maxLength: 40, description: 'ISO 8601; events at or after' },
    until: { type: 'string', maxLength: 40, description: 'ISO 8601; events before' },
  },
};

export const sessionsQuery = {
  limit: {
    type: 'string',
    pattern: '^(?:[1-9]|[1-9][0-9]|[1-4][0-9][0-9]|500)$',
    description: '1 to 500, default 100',
  },
};

const event = {
  type: 'object',
  required: ['event', 'path'],
  additionalProperties: false,
  properties: {
    event: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'page_view, or a custom event name (letters, digits, _ . : -)',
    },
    path: { type: 'string', minLength: 1, maxLength: 2000, pattern: '^/[^\\u0000-\\u001f]*$' },
    props: { type: 'object', maxProperties: 50 },
  },
};

export const MAX_BATCH_EVENTS = 50;

/** One event, or up to MAX_BATCH_EVENTS of them in `events`. */
export const collectBatchSchema = {
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: { events: { type: 'array', minItems: 1, maxItems: MAX_BATCH_EVENTS, items: event } },
};
export const collectEventSchema = event;

const counts: SchemaObject = { type: 'object', additionalProperties: { type: 'integer' } };

/** The response schemas of the visitor data API, named in the OpenAPI document. */
export const visitorDataSchemas: Record<string, SchemaObject> = {
  Submission: object({
    id: { type: 'string' },
    form: { type: 'string', description: "the form's key" },
    data: { type: 'object', additionalProperties: true, description: "the form's field values" },
    createdAt: dateTime,
  }),
  Analytics: object({ total: { type: 'integer' }, byPath: counts, byEvent: counts }),
  VisitorSessions: object({
    count: { type: 'integer', description: 'active sessions' },
    sessions: { type: 'array', items: object({ id: { type: 'string' }, lastSeenAt: dateTime }) },
  }),
};
