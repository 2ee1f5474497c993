import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: the citizen's key to one zaak's status page. */
export function newStatusToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: with 256 bits of entropy a fast hash cannot be reversed by guessing. */
export function statusTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens have a fixed shape; anything else is refused before the database is asked. */
export function looksLikeStatusToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * The hidden field of an upload form. It is derived from the status token, so only a page opened
 * with that token can post the form (a cross-site page cannot know it); it is bound to the one
 * request, so a form cannot be replayed against another.
 */
export function formToken(statusToken: string, verzoekId: string): string {
  return createHmac('sha256', statusToken).update(`verzoek:${verzoekId}`).digest('base64url');
}

export function formTokenFits(given: unknown, statusToken: string, verzoekId: string): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(formToken(statusToken, verzoekId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
