// Characters a browser strips or reinterprets before it parses a URL ("java\tscript:"), plus the backslash,
// which browsers read as '/', so "/\evil.example" would be another site.
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\\]/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const MAX_LENGTH = 2000;

/**
 * A link target that is safe in an href or src: a local path (prefixed with the site's base path), a
 * fragment, a relative path, or an http(s), mailto or tel URL. Anything else (javascript:, data:,
 * protocol-relative "//host") gives null and the caller leaves the link out.
 */
export function safeHref(raw: unknown, base = ''): string | null {
  if (typeof raw !== 'string') return null;
  const url = raw.trim();
  if (!url || url.length > MAX_LENGTH || UNSAFE.test(url)) return null;
  if (url.startsWith('//')) return null;
  if (url.startsWith('/')) return base + url;
  const scheme = SCHEME.exec(url)?.[1].toLowerCase();
  if (scheme === undefined) return url; // relative: "about", "./x", "?q=1", "#top"
  if (!LINK_SCHEMES.has(scheme)) return null;
  if (scheme === 'http' || scheme === 'https') return isHttpUrl(url) ? url : null;
  return url;
}

/**
 * The Location of a redirect: a local path (with the base path) or an absolute http(s) URL, percent-encoded
 * so that it is a valid header value. Null for anything else.
 */
export function safeRedirectLocation(raw: unknown, base = ''): string | null {
  if (typeof raw !== 'string') return null;
  const url = raw.trim();
  if (!url || url.length > MAX_LENGTH || UNSAFE.test(url) || url.startsWith('//')) return null;
  let location: string;
  if (url.startsWith('/')) location = base + url;
  else if (/^https?:\/\//i.test(url) && isHttpUrl(url)) location = url;
  else return null;
  return location.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** The public path of a media file; `v` (from the sha256) lets it be cached forever. */
export function mediaUrl(base: string, key: string, sha256: string): string {
  return `${base}/media/${encodeURIComponent(key)}?v=${sha256.slice(0, MEDIA_VERSION_LENGTH)}`;
}

export const MEDIA_VERSION_LENGTH = 16;

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
