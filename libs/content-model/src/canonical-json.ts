/**
 * JSON with object keys sorted recursively and no whitespace, so equal values always give equal text.
 * Follows JSON.stringify for everything else: undefined properties are dropped, toJSON() is honoured.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const written = write(record[key]);
      if (written !== undefined) members.push(`${JSON.stringify(key)}:${written}`);
    }
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
