import { dateTime, nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';
import type { SnapshotRow } from './snapshots.repository';

export const createSnapshotSchema = {
  type: 'object',
  required: ['label'],
  additionalProperties: false,
  properties: { label: { type: 'string', minLength: 1, maxLength: 200 } },
};

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
