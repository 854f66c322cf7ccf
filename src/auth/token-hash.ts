import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Tokens are high-entropy random strings, so one sha256 is enough to store them safely (no password hashing).
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newToken = (prefix: string): string => `${prefix}_${randomBytes(24).toString('base64url')}`;

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(hashToken(a));
  const right = Buffer.from(hashToken(b));
  return timingSafeEqual(left, right);
}
