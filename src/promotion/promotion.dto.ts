import { CONTENT_TYPES } from '../../libs/content-model';
import { CHECK_CODES } from '../../libs/launch-checks';
import { JOB_STATUSES, jobProperties } from '../jobs/job.dto';
import { RUN_AT_PATTERN } from './run-at';
import { selectSchema } from './selection';
import { nullable, nullableRef, object, ref, type SchemaObject } from '../platform/openapi/schema-ref';

export const startPromotionSchema = {
  type: 'object',
  required: ['fingerprint'],
  additionalProperties: false,
  properties: {
    fingerprint: { type: 'string', maxLength: 100, description: 'from GET …/promotion/preview' },
    snapshot: { type: 'boolean', description: 'pin production as a snapshot before the swap' },
    note: { type: 'string', maxLength: 1000 },
    override: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      pattern: '^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$',
      description:
        'owner only: promote inside a freeze window, for this reason (audited); unused when nothing is frozen',
    },
    runAt: {
      type: 'string',
      maxLength: 40,
      pattern: RUN_AT_PATTERN,
      description:
        'schedule the promotion instead of running it now: an ISO 8601 date-time, in the future and at most a year ' +
        'ahead; without an offset it is local to timeZone. The candidate is built and pinned now.',
    },
    timeZone: { type: 'string', maxLength: 64, description: 'IANA time zone of a local runAt, e.g. Europe/Paris' },
    acknowledgeDrift: {
      type: 'boolean',
      description: 'overwrite what production changed since staging was in step with it (else 409 production_drift)',
    },
    acknowledgeChecks: {
      type: 'array',
      items: { type: 'string', enum: CHECK_CODES },
      maxItems: CHECK_CODES.length,
      uniqueItems: true,
      description:
        'codes of error launch checks to promote over (else 409 launch_checks_failed); recorded on the job with who sent them',
    },
    select: {
      ...selectSchema,
      description:
        'a selective promotion: the same select as the preview whose fingerprint this is (else 409 stale_preview)',
    },
  },
};

/** `POST …/promotion/preview`: a selection, and the page of the diff wanted. */
export const previewBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    select: selectSchema,
    limit: { type: 'integer', minimum: 1, maximum: 500, description: 'default 50' },
    cursor: { type: 'string', maxLength: 2000 },
    type: { type: 'string', enum: [...CONTENT_TYPES], description: 'only changes of this type' },
  },
};

export interface PreviewBody {
  select?: unknown;
  limit?: number;
  cursor?: string;
  type?: string;
}

/** `POST …/promotion/checks/fix`: which check of the current report to fix. */
export const fixCheckSchema = {
  type: 'object',
  required: ['code', 'type', 'key'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', enum: CHECK_CODES },
    type: { type: 'string', minLength: 1, maxLength: 50 },
    key: { type: 'string', minLength: 1, maxLength: 128 },
  },
};

export const promotionListQuery = {
  status: { type: 'string', enum: JOB_STATUSES, description: 'only promotions in this status, e.g. scheduled' },
};

const counts = {
  added: { type: 'integer' },
  changed: { type: 'integer' },
  removed: { type: 'integer' },
  unchanged: { type: 'integer' },
  drift: { type: 'integer', description: 'entities that production changed since staging was in step with it' },
};
const entityVersion = object({ version: nullable({ type: 'integer', description: 'null: not in this environment' }) });

/** The response schemas of the promotion API, named in the OpenAPI document. */
export const promotionSchemas: Record<string, SchemaObject> = {
  // Promotions recorded before drift was counted have no `drift`.
  ChangeCounts: object(counts, ['drift']),
  BodyChange: object(
    {
      op: { type: 'string', enum: ['added', 'changed', 'removed'] },
      delta: { description: "changed: jsondiffpatch's delta" },
      data: { description: 'added: the new body; removed: the old one' },
    },
    ['delta', 'data'],
  ),
  PreviewChange: object(
    {
      type: { type: 'string', enum: CONTENT_TYPES as unknown as string[] },
      key: { type: 'string' },
      op: { type: 'string', enum: ['added', 'changed', 'removed'] },
      delta: { description: "changed: jsondiffpatch's delta from production's body to staging's" },
      data: { description: "added: staging's body; removed: production's body" },
      staging: entityVersion,
      production: entityVersion,
      drift: {
        type: 'boolean',
        description:
          'production changed this entity since staging was last in step with it (its last reset or promotion)',
      },
      productionChange: {
        description: "with drift: production's own change, from staging's base state to production's head",
        allOf: [ref('BodyChange')],
      },
      includedBecause: nullableRef('EntityRef'),
    },
    ['delta', 'data', 'productionChange', 'includedBecause'],
  ),
  EntityRef: object({ type: { type: 'string' }, key: { type: 'string' } }),
  PreviewSelection: object({
    entities: { type: 'array', items: ref('EntityRef') },
    types: { type: 'array', items: { type: 'string' } },
    selected: { type: 'integer', description: 'changes the selection names, directly or by type' },
    needed: { type: 'integer', description: 'changes it brings because a selected one needs them' },
    closure: {
      type: 'array',
      description: 'every change the candidate ships (the first 1,000), in type and key order',
      items: object({
        type: { type: 'string' },
        key: { type: 'string' },
        op: { type: 'string', enum: ['added', 'changed', 'removed'] },
        requested: { type: 'boolean' },
        includedBecause: nullableRef('EntityRef'),
      }),
    },
    closureTotal: { type: 'integer' },
    unchanged: { type: 'array', items: ref('EntityRef'), description: 'named entities that change nothing' },
    dangling: {
      type: 'array',
      description: 'references the candidate would leave dangling (promoting it answers 409 dangling_references)',
      items: object({
        type: { type: 'string' },
        key: { type: 'string' },
        refType: { type: 'string' },
        refKey: { type: 'string' },
      }),
    },
  }),
  LaunchCheck: object(
    {
      code: { type: 'string', enum: CHECK_CODES },
      severity: { type: 'string', enum: ['error', 'warning', 'info'], description: 'an error blocks the promotion' },
      type: { type: 'string', description: 'the entity it is about (or variable, sitemap)' },
      key: { type: 'string' },
      message: { type: 'string' },
      fix: {
        description: 'a staging write that makes the check pass: POST …/promotion/checks/fix applies it',
        ...object({
          type: { type: 'string', enum: ['redirect'] },
          key: { type: 'string' },
          data: object({ from: { type: 'string' }, to: { type: 'string' }, status: { type: 'integer', enum: [301] } }),
        }),
      },
      details: { type: 'object', description: 'the facts behind the message (paths, media keys, scripts…)' },
    },
    ['fix', 'details'],
  ),
  FixedCheck: object({ check: ref('LaunchCheck'), entity: ref('Entity') }),
  Preview: object(
    {
      fingerprint: { type: 'string', description: 'what POST …/promotions must send back' },
      staging: object({ version: { type: 'integer' } }),
      production: object({ version: { type: 'integer' }, stateId: { type: 'integer' } }),
      summary: object({
        ...counts,
        byType: { type: 'object', additionalProperties: ref('ChangeCounts'), description: 'per content type' },
      }),
      changes: { type: 'array', items: ref('PreviewChange') },
      nextCursor: nullable({ type: 'string' }),
      checks: {
        type: 'array',
        items: ref('LaunchCheck'),
        description: 'the launch report of the whole promotion (the first 500, errors first), on every page',
      },
      checkSummary: object({ error: { type: 'integer' }, warning: { type: 'integer' }, info: { type: 'integer' } }),
      selection: {
        description: "a selective preview's: the selection and the closure it ships",
        allOf: [ref('PreviewSelection')],
      },
    },
    ['selection'],
  ),
  PromotionRecord: object({
    ...jobProperties,
    summary: nullableRef('ChangeCounts'),
    snapshot: { type: 'boolean', description: 'whether production was pinned as a snapshot before the swap' },
    timeZone: nullable({ type: 'string', description: 'the zone a scheduled promotion was written in' }),
  }),
};
