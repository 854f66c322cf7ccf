import { KEY_MAX_LENGTH } from './keys';

// Building blocks of the content schemas. They use only keywords that both ajv and OpenAPI 3.0 understand;
// `x-message` is an OpenAPI extension that validate-content turns into the human message for that value.
export type JsonSchema = Record<string, unknown>;

// Control characters (C0, DEL, C1), whitespace and backslash never belong in a URL path.
const UNSAFE_URL_CHARS = String.raw`\s\u0000-\u001f\u007f-\u009f\\`;

export const PATH_PATTERN = String.raw`^(?!.*/\.\.(?:/|$))/[^${UNSAFE_URL_CHARS}?#]*$`;
// A local path (not '//host', which browsers read as another site) or an absolute http(s) URL, nothing else.
export const SAFE_LINK_PATTERN = String.raw`^(?:/(?![/\\])|https?://[^${UNSAFE_URL_CHARS}/?#@]+(?:[/?#]|$))[^${UNSAFE_URL_CHARS}]*$`;
export const HTTP_URL_PATTERN = String.raw`^https?://[^${UNSAFE_URL_CHARS}/?#@]+(?:[/?#]|$)[^${UNSAFE_URL_CHARS}]*$`;
// `{{env.NAME}}`, as variables.ts reads it.
const VARIABLE_REFERENCE = String.raw`\{\{\s*env\.[A-Z][A-Z0-9_]{0,63}\s*\}\}`;
// An http(s) URL whose host or any later part may come from environment variables (resolved when used).
const HTTP_URL_OR_VARIABLE_PATTERN = String.raw`^(?:https?://(?:${VARIABLE_REFERENCE}|[^${UNSAFE_URL_CHARS}/?#@{}])+(?:[/?#]|$)|${VARIABLE_REFERENCE})[^${UNSAFE_URL_CHARS}]*$`;
// KEY_PATTERN plus the "no '..'" rule, as one regular expression.
export const KEY_REFERENCE_PATTERN = String.raw`^(?!.*\.\.)[a-z0-9][a-z0-9._-]*$`;
// Values that end up inside a stylesheet must not be able to close a declaration, a rule or the <style> element.
export const CSS_VALUE_PATTERN = String.raw`^[^;{}<>\\\u0000-\u001f]*$`;

export function object(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  // Unknown fields are kept, never refused: clients may store more than we describe.
  const schema: JsonSchema = { type: 'object', properties, additionalProperties: true };
  if (required.length > 0) schema.required = required;
  return schema;
}

export function text(maxLength: number, description?: string): JsonSchema {
  return withDescription({ type: 'string', maxLength }, description);
}

export function nonEmptyText(maxLength: number, description?: string): JsonSchema {
  return withDescription(
    {
      type: 'string',
      minLength: 1,
      maxLength,
      pattern: String.raw`\S`,
      'x-message': `must be a non-empty string of at most ${maxLength} characters`,
    },
    description,
  );
}

export function keyOf(what: string): JsonSchema {
  return {
    type: 'string',
    minLength: 1,
    maxLength: KEY_MAX_LENGTH,
    pattern: KEY_REFERENCE_PATTERN,
    description: `The key of a ${what}.`,
    'x-message': `must be the key of a ${what} (lowercase letters, digits, '.', '_' and '-', at most ${KEY_MAX_LENGTH} characters)`,
  };
}

export function urlPath(description: string): JsonSchema {
  return {
    type: 'string',
    minLength: 1,
    maxLength: 2000,
    pattern: PATH_PATTERN,
    description,
    'x-message':
      "must be a path starting with '/' of at most 2000 characters, without spaces, control characters, '\\', '?', '#' or '..' segments",
  };
}

export function httpUrl(description: string): JsonSchema {
  return {
    type: 'string',
    maxLength: 2000,
    format: 'uri',
    pattern: HTTP_URL_PATTERN,
    description,
    'x-message': 'must be an absolute http:// or https:// URL of at most 2000 characters',
  };
}

/**
 * A destination URL that differs per environment: an http(s) URL that may hold `{{env.NAME}}` references, or
 * one reference alone (`{{env.CRM_URL}}`). No `format: uri`: a reference is not a URL until it is resolved.
 */
export function httpUrlOrVariable(description: string): JsonSchema {
  return {
    type: 'string',
    maxLength: 2000,
    pattern: HTTP_URL_OR_VARIABLE_PATTERN,
    description,
    'x-message':
      'must be an absolute http:// or https:// URL of at most 2000 characters, which may use {{env.NAME}} variables',
  };
}

/** A secret in content is only ever a reference: its value lives in the environment's variables. */
export function variableReference(description: string): JsonSchema {
  return {
    type: 'string',
    pattern: `^${VARIABLE_REFERENCE}$`,
    description,
    'x-message': 'must be a {{env.NAME}} reference to an environment variable (a secret is never stored in content)',
  };
}

export function safeLink(description: string): JsonSchema {
  return {
    type: 'string',
    minLength: 1,
    maxLength: 2000,
    pattern: SAFE_LINK_PATTERN,
    description,
    'x-message': "must be a path starting with '/' or an absolute http:// or https:// URL of at most 2000 characters",
  };
}

export function cssValue(description: string): JsonSchema {
  return {
    type: 'string',
    maxLength: 200,
    pattern: CSS_VALUE_PATTERN,
    description,
    'x-message': "must be a CSS value of at most 200 characters without ';', '{', '}', '<', '>' or '\\'",
  };
}

export function arrayOf(items: JsonSchema, maxItems: number, description?: string): JsonSchema {
  return withDescription({ type: 'array', maxItems, items }, description);
}

function withDescription(schema: JsonSchema, description?: string): JsonSchema {
  return description ? { ...schema, description } : schema;
}
