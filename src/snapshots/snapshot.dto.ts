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
