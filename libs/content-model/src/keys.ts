/** The safe alphabet of an entity key (also its S3 and URL spelling): lowercase letters, digits, '.', '_', '-'. */
export const KEY_PATTERN = '^[a-z0-9][a-z0-9._-]*$';

export const KEY_MAX_LENGTH = 128;

const KEY_REGEX = new RegExp(KEY_PATTERN);

/** Returns null when `key` is a valid entity key, else a sentence saying what is wrong with it. */
export function validateKey(key: string): string | null {
  if (typeof key !== 'string') return 'Key must be a string';
  if (key.length === 0) return 'Key must not be empty';
  if (key.length > KEY_MAX_LENGTH) return `Key must be at most ${KEY_MAX_LENGTH} characters long`;
  // '..' would make a key ambiguous once it becomes part of a path or an object name.
  if (key.includes('..')) return "Key must not contain '..'";
  if (!KEY_REGEX.test(key)) {
    return "Key must start with a lowercase letter or digit and contain only lowercase letters, digits, '.', '_' and '-'";
  }
  return null;
}
