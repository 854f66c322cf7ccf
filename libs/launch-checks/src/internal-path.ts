import { normalizeRoute } from '../../content-model';

/** Where an internal link goes: a route of the site, one of its files, or a path the site always answers. */
export type InternalTarget = { kind: 'route'; path: string } | { kind: 'media'; key: string } | { kind: 'builtin' };

const BUILTIN = /^\/(?:robots\.txt|sitemap\.xml|collect|forms\/.*)$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// Most links are plain site paths: no dot segment, query, fragment or escape, so URL parsing would not change them.
const PLAIN_PATH = /^\/[A-Za-z0-9_~/-]*$/;

/**
 * The target of `href` on this site, or null for a link elsewhere (another host, mailto:, a fragment).
 * `from` is the linking page's path, for relative links; `canonicalHost` makes absolute links to the site's
 * own domain internal.
 */
export function internalTarget(href: string, from: string | null, canonicalHost: string | null): InternalTarget | null {
  const raw = href.trim();
  if (raw === '' || raw.startsWith('#') || raw.startsWith('//')) return null;
  if (PLAIN_PATH.test(raw)) return targetOfPath(raw);
  let url: URL;
  try {
    if (SCHEME.test(raw)) {
      url = new URL(raw);
      if (!/^https?:$/.test(url.protocol) || !canonicalHost || url.hostname.toLowerCase() !== canonicalHost)
        return null;
    } else if (raw.startsWith('/')) url = new URL(raw, 'http://site.invalid');
    else if (from !== null) url = new URL(raw, `http://site.invalid${from}`);
    else return null;
  } catch {
    return null;
  }
  return targetOfPath(decodePath(url.pathname));
}

function targetOfPath(path: string): InternalTarget {
  const media = /^\/media\/([^/]+)$/.exec(path);
  if (media) return { kind: 'media', key: media[1] };
  if (BUILTIN.test(path)) return { kind: 'builtin' };
  return { kind: 'route', path: normalizeRoute(path) };
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The host of a site's canonical base URL, lowercased, or null when it names none. */
export function canonicalHostOf(canonicalBase: unknown): string | null {
  if (typeof canonicalBase !== 'string') return null;
  try {
    const url = new URL(canonicalBase);
    return /^https?:$/.test(url.protocol) && url.hostname ? url.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}
