import type { Delta } from 'jsondiffpatch';
import { diffBodies } from './diff-bodies';

export type ChangeOp = 'added' | 'changed' | 'removed';

export interface Change {
  op: ChangeOp;
  /** Present when `op` is `changed`. */
  delta?: Delta;
}

/**
 * How an entity body differs between two environments: `undefined` means the entity is absent on that side.
 * Returns `null` when both sides are absent or equal.
 */
export function describeChange(left: unknown, right: unknown): Change | null {
  if (left === undefined && right === undefined) return null;
  if (left === undefined) return { op: 'added' };
  if (right === undefined) return { op: 'removed' };
  const delta = diffBodies(left, right);
  return delta === undefined ? null : { op: 'changed', delta };
}
