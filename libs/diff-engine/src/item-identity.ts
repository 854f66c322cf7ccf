const identityFields = ['id', 'key', 'name'] as const;

/**
 * Identity of an array item for jsondiffpatch's `objectHash`: builder blocks carry `id`, entries `key`,
 * form fields `name`. Items without one fall back to their position, so they diff in place.
 */
export function itemIdentity(item: object, index?: number): string {
  const record = item as Record<string, unknown>;
  for (const field of identityFields) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number') return `${field}:${value}`;
  }
  return `$$index:${index}`;
}
