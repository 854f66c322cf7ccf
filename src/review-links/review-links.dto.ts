import { dateTime, nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';
import type { ReviewLinkRow } from './review-links.repository';

export const createReviewLinkSchema = {
  type: 'object',
  required: ['expiresInHours'],
  additionalProperties: false,
  properties: {
    expiresInHours: { type: 'integer', minimum: 1, maximum: 720, description: '1 hour to 30 days' },
    label: { type: 'string', maxLength: 200, pattern: '^[^\\u0000]*$' },
  },
};

export interface CreateReviewLinkBody {
  expiresInHours: number;
  label?: string;
}

export interface ReviewLinkDto {
  id: string;
  label: string;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  status: 'active' | 'expired' | 'revoked';
}

export function toReviewLinkDto(row: ReviewLinkRow, now = new Date()): ReviewLinkDto {
  const status = row.revokedAt ? 'revoked' : new Date(row.expiresAt) <= now ? 'expired' : 'active';
  return {
    id: row.id,
    label: row.label,
    expiresAt: row.expiresAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    status,
  };
}

/** Where a client opens the staging preview; the token is traded for a cookie on the first visit. */
export function reviewUrl(slug: string, token: string): string {
  return `/preview/${slug}/?review=${encodeURIComponent(token)}`;
}

const reviewLink = {
  id: { type: 'string', format: 'uuid' },
  label: { type: 'string' },
  expiresAt: dateTime,
  createdBy: { type: 'string' },
  createdAt: dateTime,
  revokedAt: nullable(dateTime),
  status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
};

/** The response schemas of the review links API, named in the OpenAPI document. */
export const reviewLinkSchemas: Record<string, SchemaObject> = {
  ReviewLink: object(reviewLink),
  CreatedReviewLink: object({
    ...reviewLink,
    url: { type: 'string', description: 'the preview URL for the client, with its secret; shown this once' },
  }),
};
