import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: for session cookies, bearer tokens, CSRF tokens and service secrets. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How a token is stored and looked up. A fast hash is right here (unlike for passwords): the
 * token has 256 bits of entropy, so nobody can guess it back from the hash.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Comparison that takes the same time wherever the strings differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
