import type { CookieOptions, Request, Response } from 'express';

export const sessionCookieName = 'zs_session';

/**
 * httpOnly keeps the token away from scripts; SameSite=Lax keeps it off cross-site POSTs (the
 * CSRF token covers the rest); Secure whenever the request came over https.
 */
function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' };
}

export function setSessionCookie(
  req: Request,
  res: Response,
  token: string,
  maxAgeMs: number,
): void {
  res.cookie(sessionCookieName, token, { ...cookieOptions(req), maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName, cookieOptions(req));
}

/** The session token from the Cookie header; express does not parse cookies itself. */
export function readSessionToken(req: Request): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== sessionCookieName) continue;
    const value = part.slice(separator + 1).trim();
    // Our tokens are base64url; anything else cannot be a session of ours.
    return /^[\w-]{20,100}$/.test(value) ? value : undefined;
  }
  return undefined;
}
