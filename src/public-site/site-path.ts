import type { Request } from 'express';
import { normalizeRoute } from '../../libs/content-model';
import type { SiteTarget } from './site-target';

// No stored route contains a control character (the content schema refuses them), and PostgreSQL cannot
// even compare a string holding U+0000: such a path is simply not found.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The request's path within the site ('/about'), decoded and normalized like stored routes; null if malformed. */
export function sitePathOf(request: Request, target: SiteTarget): string | null {
  const raw = request.path.slice(target.mount.length) || '/';
  try {
    const path = decodeURIComponent(raw);
    return CONTROL.test(path) ? null : normalizeRoute(path);
  } catch {
    return null;
  }
}

/** scheme://host of the request, for absolute URLs where the site names no canonical domain. */
export function originOf(request: Request): string {
  const host = request.get('host') ?? '';
  const safe = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${request.protocol}://${safe}`;
}

/** Whether the caller wants JSON rather than an HTML page (a JSON body, or an Accept that prefers it). */
export function wantsJson(request: Request): boolean {
  return request.is('application/json') === 'application/json' || request.accepts(['html', 'json']) === 'json';
}

/**
 * Whether a browser sent this request from a page of the same origin. Sec-Fetch-Site says so where browsers
 * send it (staging pages' no-referrer policy makes their form posts say `Origin: null`); else the Origin header
 * must name this host. A request with neither is refused: every current browser sends one of them.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return false;
  try {
    return new URL(origin).host === request.get('host');
  } catch {
    return false;
  }
}
