import { CONTENT_TYPES, KEY_MAX_LENGTH, KEY_PATTERN } from '../../libs/content-model';
import { dateTime, nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';
import type { SnapshotRow } from './snapshots.repository';

export const createSnapshotSchema = {
  type: 'object',
  required: ['label'],
  additionalProperties: false,
  properties: { label: { type: 'string', minLength: 1, maxLength: 200 } },
};

/** The entities a revert takes back, each with what it needs that production lacks. */
export const revertSchema: SchemaObject = {
  type: 'object',
  required: ['entities'],
  additionalProperties: false,
  properties: {
    entities: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        required: ['type', 'key'],
        additionalProperties: false,
        properties: {
          type: { type: 'string', enum: [...CONTENT_TYPES] },
          key: { type: 'string', minLength: 1, maxLength: KEY_MAX_LENGTH, pattern: KEY_PATTERN },
        },
      },
    },
  },
};

export interface RevertBody {
  entities: { type: string; key: string }[];
}

export function toSnapshotDto(s: SnapshotRow) {
  return {
    id: s.id,
    label: s.label,
    productionVersion: s.productionVersion,
    stateId: s.stateId,
    entityCount: s.entityCount,
    origin: s.origin,
    jobId: s.jobId,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
  };
}

export const snapshotSchema: SchemaObject = object({
  id: { type: 'string', format: 'uuid' },
  label: { type: 'string' },
  productionVersion: { type: 'integer' },
  stateId: { type: 'integer' },
  entityCount: { type: 'integer' },
  origin: { type: 'string', enum: ['manual', 'promotion'] },
  jobId: nullable({ type: 'string', format: 'uuid', description: 'the promotion that took it' }),
  createdBy: nullable({ type: 'string' }),
  createdAt: dateTime,
});
