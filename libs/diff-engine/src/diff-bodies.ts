import { create, type Delta, type DiffPatcher } from 'jsondiffpatch/with-text-diffs';
import { itemIdentity } from './item-identity';

let differ: DiffPatcher | undefined;

// One instance for the process: creating a DiffPatcher builds its filter pipeline, diffing with it is stateless.
function getDiffer(): DiffPatcher {
  differ ??= create({
    objectHash: itemIdentity,
    arrays: { detectMove: true, includeValueOnMove: false },
    // `with-text-diffs` supplies diff-match-patch, so strings of 60+ characters diff as text patches.
    textDiff: { minLength: 60 },
  });
  return differ;
}

/**
 * Structural delta from `left` to `right` (jsondiffpatch format), or `undefined` when they are equal.
 * Array items are matched by `id`, `key` or `name`, so reordered items show as moves, not as edits.
 */
export function diffBodies(left: unknown, right: unknown): Delta | undefined {
  return getDiffer().diff(left, right);
}
