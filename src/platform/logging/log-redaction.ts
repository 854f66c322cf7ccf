// What the access log must never carry: credentials in headers (either direction) and tokens in URLs.
// Serializers rather than pino's `redact` paths, because the rule is about names that look secret, not a fixed list.

export const REDACTED = '[redacted]';

// Named outright, then anything whose name says it holds a credential (X-Api-Key, X-Upload-Token, X-Session-Id…).
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-break-glass']);
const SECRET_NAME =
  /token|secret|passw(?:or)?d|auth|session|cookie|credential|signature|api[-_]?key|(?:^|[-_])key(?:$|[-_])/i;
// Review links put their token in ?review=; other clients may use ?token=, ?access_token=, ?key= …
const SECRET_QUERY = /^(?:review|token|access_token|refresh_token|api_key|apikey|key|secret|signature|sig|session)$/i;
// A token as a path segment: /review/<token> or /…/tokens/<token>.
const SECRET_SEGMENT = /(\/(?:review|reviews|tokens?)\/)[^/?#]+/gi;

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || SECRET_NAME.test(lower);
}

// Headers whose value is a URL, which may carry a token in its query (a review link in Referer).
const URL_HEADERS = new Set(['referer', 'location', 'content-location']);

/** A copy of the headers with every secret-looking value replaced (the live request's object is left alone). */
export function redactHeaders(headers: unknown): Record<string, unknown> | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    out[name] = isSecretHeader(lower) ? REDACTED : URL_HEADERS.has(lower) ? redactUrl(value) : value;
  }
  return out;
}

/** The URL with the values of token-like query parameters and /review/<token> segments replaced. */
export function redactUrl(url: unknown): unknown {
  if (typeof url !== 'string') return url;
  const query = url.indexOf('?');
  const path = (query < 0 ? url : url.slice(0, query)).replace(SECRET_SEGMENT, `$1${REDACTED}`);
  if (query < 0) return path;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && SECRET_QUERY.test(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${path}?${params.join('&')}`;
}

function redactQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, SECRET_QUERY.test(name) ? REDACTED : value]),
  );
}

/** pino-http's `req` serializer: it receives pino's serialized request (whose `headers` is the live object). */
export function redactRequestLog(req: Record<string, unknown>): Record<string, unknown> {
  return { ...req, url: redactUrl(req.url), query: redactQuery(req.query), headers: redactHeaders(req.headers) };
}

/** pino-http's `res` serializer: Set-Cookie carries session and review cookies. */
export function redactResponseLog(res: Record<string, unknown>): Record<string, unknown> {
  return { ...res, headers: redactHeaders(res.headers) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
