import { canonicalJson } from './canonical-json';
import { sha256Hex } from './revision-hash';
import type { ValidationError } from './validation-errors';

type RawBlock = Record<string, unknown>;

/**
 * Gives every block without a string `id` one derived from its content: `b_` + 12 hex chars of the sha256 of
 * the block's canonical JSON, then `_2`, `_3`… for the 2nd, 3rd identical block. Re-sending a body gives the
 * same ids and moving blocks keeps them, so diffs show moves as moves. Ids given are kept; duplicates are errors.
 */
export function assignBlockIds(
  blocks: readonly RawBlock[],
  pathOf: (index: number) => string,
): { ok: true; blocks: RawBlock[] } | { ok: false; errors: ValidationError[] } {
  const given = new Map<string, number>();
  const errors: ValidationError[] = [];
  blocks.forEach((block, index) => {
    if (typeof block.id !== 'string') return;
    const first = given.get(block.id);
    if (first === undefined) given.set(block.id, index);
    else errors.push({ path: `${pathOf(index)}.id`, message: `must be unique: ${pathOf(first)} has the same id` });
  });
  if (errors.length > 0) return { ok: false, errors };

  const used = new Set(given.keys());
  const withIds = blocks.map((block) => {
    if (typeof block.id === 'string') return block;
    const { id: _ignored, ...content } = block;
    const base = `b_${sha256Hex(canonicalJson(content)).slice(0, 12)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return { ...block, id };
  });
  return { ok: true, blocks: withIds };
}
