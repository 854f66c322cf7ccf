import { dateTime, nullable, object, ref, type SchemaObject } from '../platform/openapi/schema-ref';
import { WEBHOOK_EVENT_PATTERNS } from './webhook-events';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export const createWebhookSchema = {
  type: 'object',
  required: ['url', 'events'],
  additionalProperties: false,
  properties: {
    url: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_WEBHOOK_URL_LENGTH,
      pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
      description: 'http(s); its host must resolve to public addresses (unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES)',
    },
    events: {
      type: 'array',
      minItems: 1,
      maxItems: WEBHOOK_EVENT_PATTERNS.length,
      uniqueItems: true,
      items: { type: 'string', enum: [...WEBHOOK_EVENT_PATTERNS] },
      description: 'events, a family (`promotion.*`) or `*`',
    },
    secret: {
      type: 'string',
      minLength: 16,
      maxLength: 128,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'the signing secret (16-128 printable ASCII characters, no spaces); generated when left out',
    },
  },
};

export interface CreateWebhookBody {
  url: string;
  events: string[];
  secret?: string;
}

export interface WebhookDto {
  id: string;
  url: string;
  events: string[];
  createdBy: string;
  createdAt: Date;
}

export interface DeliveryAttemptDto {
  number: number;
  at: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** The first characters of the receiver's answer, as text (render it as text, never as markup). */
  responseExcerpt: string | null;
}

export interface DeliveryDto {
  id: string;
  event: string;
  eventId: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttemptDto[];
  createdAt: Date;
  nextAttemptAt: Date | null;
  finishedAt: Date | null;
}

/** What a receiver gets (the body that the signature covers). */
export interface WebhookPayload {
  id: string;
  event: string;
  occurredAt: string;
  site: { id: string; slug: string };
  job: {
    id: string;
    kind: string;
    status: string;
    fromVersion: number | null;
    toVersion: number | null;
    snapshotId: string | null;
    error: { code: string; message: string } | null;
  } | null;
  changelog: string | null;
  details: Record<string, unknown>;
}

const webhook = {
  id: { type: 'string', format: 'uuid' },
  url: { type: 'string' },
  events: { type: 'array', items: { type: 'string', enum: [...WEBHOOK_EVENT_PATTERNS] } },
  createdBy: { type: 'string' },
  createdAt: dateTime,
};

/** The response schemas of the webhooks API, named in the OpenAPI document. */
export const webhookSchemas: Record<string, SchemaObject> = {
  Webhook: object(webhook),
  CreatedWebhook: object({
    ...webhook,
    secret: { type: 'string', description: 'the signing secret; shown this once, never again' },
  }),
  WebhookDeliveryAttempt: object({
    number: { type: 'integer', minimum: 1 },
    at: dateTime,
    durationMs: { type: 'integer' },
    statusCode: nullable({ type: 'integer', description: "the receiver's HTTP status; null when none came" }),
    error: nullable({ type: 'string', description: 'why no answer counted (timeout, refused address, …)' }),
    responseExcerpt: nullable({ type: 'string', description: 'the first 500 characters of the answer, as text' }),
  }),
  WebhookDelivery: object({
    id: { type: 'string', format: 'uuid', description: 'also the Promote-Delivery header (an idempotency key)' },
    event: { type: 'string' },
    eventId: { type: 'string', description: "the payload's id" },
    status: { type: 'string', enum: ['pending', 'succeeded', 'failed'] },
    attempts: { type: 'array', items: ref('WebhookDeliveryAttempt') },
    createdAt: dateTime,
    nextAttemptAt: nullable(dateTime),
    finishedAt: nullable(dateTime),
  }),
};
