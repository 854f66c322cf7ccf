import { redactRequestLog, redactResponseLog, redactUrl, REDACTED } from './log-redaction';

describe('log redaction', () => {
  it('replaces credentials and every secret-looking header, keeping the rest', () => {
    const headers = {
      authorization: 'Bearer own_abc',
      cookie: 'promote_session=s1',
      'x-break-glass': 'reason',
      'x-api-key': 'k',
      'x-upload-token': 't',
      'x-client-secret': 's',
      'x-session-id': 'sid',
      referer: 'http://h/preview/acme/?review=rev_secret&x=1',
      accept: 'text/html',
      'x-request-id': 'r1',
    };
    const logged = redactRequestLog({ method: 'GET', url: '/sites/acme/', headers });
    expect(logged.headers).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-break-glass': REDACTED,
      'x-api-key': REDACTED,
      'x-upload-token': REDACTED,
      'x-client-secret': REDACTED,
      'x-session-id': REDACTED,
      referer: `http://h/preview/acme/?review=${REDACTED}&x=1`,
      accept: 'text/html',
      'x-request-id': 'r1',
    });
    expect(headers.authorization).toBe('Bearer own_abc'); // the live request keeps its headers
  });

  it('hides response cookies', () => {
    const logged = redactResponseLog({
      statusCode: 303,
      headers: { 'set-cookie': ['promote_review=rev_x'], etag: 'e' },
    });
    expect(logged.headers).toEqual({ 'set-cookie': REDACTED, etag: 'e' });
  });

  it('hides tokens in paths and query strings', () => {
    expect(redactUrl('/preview/acme/?review=rev_abc&page=2')).toBe(`/preview/acme/?review=${REDACTED}&page=2`);
    expect(redactUrl('/x?token=t&access_token=a')).toBe(`/x?token=${REDACTED}&access_token=${REDACTED}`);
    expect(redactUrl('/review/rev_abc/menu')).toBe(`/review/${REDACTED}/menu`);
    expect(redactUrl('/api/sites/acme/pages?cursor=c')).toBe('/api/sites/acme/pages?cursor=c');
    expect(redactRequestLog({ url: '/a', query: { review: 'r', q: 'x' } }).query).toEqual({ review: REDACTED, q: 'x' });
  });
});
