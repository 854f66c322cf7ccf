import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors/app-error';

// Deeper than any content body, import or event needs; recursive walks (validation, hashing, jsonb) stay safe.
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * What in a UTF-8 JSON text PostgreSQL or a recursive walk would fail on, found before it is parsed: nesting
 * deeper than `maxDepth`, a lone UTF-16 surrogate or U+0000. Both characters can only arrive as \u escapes
 * (a raw surrogate is not UTF-8; a raw control character is not JSON). Malformed JSON is left to the parser.
 */
export function jsonTextProblem(bytes: Uint8Array, maxDepth = MAX_JSON_DEPTH): AppError | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (!inString) {
      if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
        if (++depth > maxDepth)
          return new AppError('too_deep', `The JSON nests deeper than ${maxDepth} levels.`, [
            { path: 'body', message: `nests deeper than ${maxDepth} levels at byte ${i}` },
          ]);
      } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) depth--;
    } else if (byte === QUOTE) inString = false;
    else if (byte === BACKSLASH) {
      if (bytes[i + 1] !== LETTER_U) {
        i++;
        continue;
      }
      const unit = hex4(bytes, i + 2);
      if (unit === 0)
        return new AppError('validation_failed', 'The request contains a character that cannot be stored (U+0000).', [
          { path: 'body', message: `contains U+0000 at byte ${i}` },
        ]);
      const high = unit >= 0xd800 && unit <= 0xdbff;
      const low = unit >= 0xdc00 && unit <= 0xdfff;
      const paired = high && bytes[i + 6] === BACKSLASH && bytes[i + 7] === LETTER_U && isLow(hex4(bytes, i + 8));
      if ((high || low) && !paired)
        return new AppError('invalid_unicode', 'The JSON contains a lone UTF-16 surrogate.', [
          { path: 'body', message: `has a lone surrogate \\u${unit.toString(16)} at byte ${i}` },
        ]);
      i += paired ? 11 : 5;
    }
  }
  return null;
}

const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The number four hex digits at `at` spell, or -1 (the parser then refuses the escape). */
function hex4(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let i = at; i < at + 4; i++) {
    const digit = parseInt(String.fromCharCode(bytes[i] ?? 0x20), 16);
    if (Number.isNaN(digit)) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** A refusal raised inside body-parser; the error filter answers with the AppError it carries. */
export class RefusedBody extends Error {
  readonly type = 'entity.refused';
  readonly expose = true;
  status: number;
  statusCode: number;

  constructor(readonly refusal: AppError) {
    super(refusal.message);
    this.status = this.statusCode = refusal.status;
  }
}

/** body-parser's `verify` hook for JSON: refuses what jsonTextProblem finds, and JSON that is not UTF-8. */
export function verifyJsonBody(_request: IncomingMessage, _response: unknown, bytes: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8')
    throw new RefusedBody(new AppError('unsupported_media_type', 'JSON must be sent as UTF-8 (RFC 8259).'));
  const problem = jsonTextProblem(bytes);
  if (problem) throw new RefusedBody(problem);
}
