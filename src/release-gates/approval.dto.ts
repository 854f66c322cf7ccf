import { dateTime, nullable, object, ref, type SchemaObject } from '../platform/openapi/schema-ref';
import type { ApprovalRow } from './approvals.repository';

const NO_CONTROL = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$';
const comment = { type: 'string', maxLength: 1000, pattern: NO_CONTROL };

export const approvePreviewSchema = {
  type: 'object',
  required: ['fingerprint'],
  additionalProperties: false,
  properties: {
    fingerprint: { type: 'string', maxLength: 100, description: 'the preview approved, from GET …/promotion/preview' },
    comment,
  },
};
export interface ApprovePreviewBody {
  fingerprint: string;
  comment?: string;
}

/** The review link's "Approve this version" form (urlencoded from the page, or JSON). */
export const reviewLinkApprovalSchema = {
  type: 'object',
  required: ['fingerprint', 'name'],
  additionalProperties: false,
  properties: {
    fingerprint: { type: 'string', maxLength: 100 },
    name: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$',
    },
    comment,
  },
};
export interface ReviewLinkApprovalBody {
  fingerprint: string;
  name: string;
  comment?: string;
}

export interface ApprovalDto {
  id: string;
  fingerprint: string;
  /** Its fingerprint is the current preview's: staging and production are still what the approver saw. */
  current: boolean;
  approver:
    | { kind: 'token'; tokenId: string | null; role: string; label: string }
    | { kind: 'admin'; role: 'admin'; label: 'admin' }
    | { kind: 'review_link'; reviewLinkId: string | null; label: string; name: string };
  staging: { version: number };
  production: { version: number };
  comment: string | null;
  createdAt: Date;
}

export function toApprovalDto(row: ApprovalRow, currentFingerprint: string): ApprovalDto {
  const approver: ApprovalDto['approver'] =
    row.approverKind === 'token'
      ? { kind: 'token', tokenId: row.tokenId, role: row.approverRole, label: row.approverLabel }
      : row.approverKind === 'admin'
        ? { kind: 'admin', role: 'admin', label: 'admin' }
        : {
            kind: 'review_link',
            reviewLinkId: row.reviewLinkId,
            label: row.approverLabel,
            name: row.approverName ?? '',
          };
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    // A selective preview's fingerprint is the pair's plus `-s<selection>`: current while the pair is.
    current: row.fingerprint === currentFingerprint || row.fingerprint.startsWith(`${currentFingerprint}-s`),
    approver,
    staging: { version: row.stagingVersion },
    production: { version: row.productionVersion },
    comment: row.comment,
    createdAt: row.createdAt,
  };
}

const version = object({ version: { type: 'integer' } });

/** The response schemas of the approvals API, named in the OpenAPI document. */
export const approvalSchemas: Record<string, SchemaObject> = {
  Approval: object({
    id: { type: 'string', format: 'uuid' },
    fingerprint: { type: 'string' },
    current: { type: 'boolean', description: "its fingerprint is the current preview's; otherwise it is stale" },
    approver: object(
      {
        kind: { type: 'string', enum: ['token', 'admin', 'review_link'] },
        tokenId: nullable({ type: 'string', format: 'uuid', description: 'token: null once the token is deleted' }),
        reviewLinkId: nullable({ type: 'string', format: 'uuid', description: 'review_link' }),
        role: { type: 'string', description: "token: the token's role; admin: admin" },
        label: { type: 'string', description: "the token's or review link's label" },
        name: { type: 'string', description: 'review_link: the name the client typed' },
      },
      ['tokenId', 'reviewLinkId', 'role', 'name'],
    ),
    staging: version,
    production: version,
    comment: nullable({ type: 'string' }),
    createdAt: dateTime,
  }),
  ApprovalList: object({
    requiredApprovals: { type: 'integer', description: "the site's setting" },
    fingerprint: { type: 'string', description: "the current preview's" },
    staging: version,
    production: version,
    items: { type: 'array', items: ref('Approval'), description: 'newest first, the last 100' },
  }),
};
