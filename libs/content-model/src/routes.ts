import type { ContentType } from './content-types';

/**
 * The public path an entity answers on: a page's or post's `path`, a redirect's `from`; null for other types.
 * Trailing slashes are dropped ('/about/' and '/about' are one route); case is kept.
 */
export function routeOf(type: ContentType, data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const body = data as Record<string, unknown>;
  const route = type === 'page' || type === 'post' ? body.path : type === 'redirect' ? body.from : undefined;
  return typeof route === 'string' ? normalizeRoute(route) : null;
}

export function normalizeRoute(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
