/** Stored props stay small: a page view is not a place for a document. */
export const MAX_PROPS_BYTES = 4096;
/** Enough for `{cart: {items: [{sku}]}}`; the bound is checked before anything walks the value recursively. */
export const MAX_PROPS_DEPTH = 5;

// A lone UTF-16 surrogate: JSON can carry one ("\ud800"), jsonb refuses it, and a text column would mangle it.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a string cannot be stored as it is, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (no lone surrogates)';
  return null;
}

/**
 * An event's props as the JSON text to store, or why they cannot be stored. The value is walked without
 * recursion and given up on at the first problem, so neither its depth nor its size costs more than the bounds.
 */
export function propsJson(props: object): { json: string } | { problem: string } {
  const stack: { value: unknown; depth: number }[] = [{ value: props, depth: 1 }];
  // A lower bound of the JSON's length, to stop early on a huge value; the exact size is checked at the end.
  let bytes = 0;
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { problem };
      bytes += value.length + 2;
    } else if (typeof value === 'number') {
      // 1e400 parses as Infinity, which JSON.stringify would silently store as null.
      if (!Number.isFinite(value)) return { problem: 'must hold finite numbers only' };
      bytes += 1;
    } else if (typeof value === 'boolean' || value === null) {
      bytes += 4;
    } else if (typeof value === 'object') {
      if (depth > MAX_PROPS_DEPTH) return { problem: `must be nested at most ${MAX_PROPS_DEPTH} levels deep` };
      const isArray = Array.isArray(value);
      bytes += 1; // the brackets, less the separator the last entry does not have
      for (const key in value) {
        if (!isArray) {
          const problem = textProblem(key);
          if (problem) return { problem: `keys ${problem}` };
        }
        bytes += (isArray ? 0 : key.length + 3) + 1;
        if (bytes > MAX_PROPS_BYTES) break;
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
      }
    } else {
      return { problem: 'must hold JSON values only' };
    }
    if (bytes > MAX_PROPS_BYTES) return { problem: tooLarge };
  }
  const json = JSON.stringify(props);
  return Buffer.byteLength(json) > MAX_PROPS_BYTES ? { problem: tooLarge } : { json };
}

const tooLarge = `must be at most ${MAX_PROPS_BYTES} bytes of JSON`;
