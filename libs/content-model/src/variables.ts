/** An environment variable's name, as `{{env.NAME}}` refers to it. */
export const VARIABLE_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

// `{{env.NAME}}` anywhere in a string of a body; spaces inside the braces are allowed.
const REFERENCE = /\{\{\s*env\.([A-Z][A-Z0-9_]{0,63})\s*\}\}/g;

/** The distinct variables a body refers to, sorted. */
export function variablesIn(value: unknown): string[] {
  const names = new Set<string>();
  visitStrings(value, (text) => {
    for (const match of text.matchAll(REFERENCE)) names.add(match[1]);
  });
  return [...names].sort();
}

/**
 * The body with every `{{env.NAME}}` replaced by the value the environment defines, or by nothing when it
 * defines none (a missing variable never shows its placeholder; promotion refuses to leave one missing).
 * Values are plain text here: the renderer escapes them like anything else a user typed.
 */
export function resolveVariables<T>(value: T, values: Readonly<Record<string, string>>): T {
  return mapStrings(value, (text) =>
    text.includes('{{')
      ? text.replace(REFERENCE, (_, name: string) => (Object.hasOwn(values, name) ? values[name] : ''))
      : text,
  ) as T;
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value) || value instanceof Map) for (const item of value.values()) visitStrings(item, visit);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) visitStrings(item, visit);
}

// Bodies are JSON; what the renderer is given also holds Maps (layouts and assets by key), mapped value by value.
function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, mapStrings(item, map)]));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  return value;
}
