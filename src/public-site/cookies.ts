import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'promote_session';
export const REVIEW_COOKIE = 'promote_review';

/** One cookie's value from the Cookie header (no cookie-parser: two names are all the public site reads). */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** HttpOnly and SameSite=Lax always; Secure whenever the request came over HTTPS. */
export function setCookie(
  request: Request,
  response: Response,
  name: string,
  value: string,
  options: Pick<CookieOptions, 'path' | 'maxAge' | 'expires'>,
): void {
  response.cookie(name, value, { ...options, httpOnly: true, sameSite: 'lax', secure: request.secure });
}
