import { errorFromResponse, networkFailure } from './api-client';
import { errorJson, errorLine, exitCodeOf, Failure, Refusal } from './outcome';

describe('CLI outcomes', () => {
  it('maps a 4xx to a refusal (exit 2) that prints the API code and sentence', () => {
    const error = errorFromResponse(
      409,
      JSON.stringify({ error: { code: 'stale_preview', message: 'Staging changed.', details: [] } }),
    );
    expect(error).toBeInstanceOf(Refusal);
    expect(exitCodeOf(error)).toBe(2);
    expect(errorLine(error)).toBe('refused: stale_preview — Staging changed.');
    expect(errorJson(error)).toEqual({ error: { code: 'stale_preview', message: 'Staging changed.', details: [] } });
  });

  it('maps a 5xx, with or without an error body, to a failure (exit 1)', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>');
    expect(error).toBeInstanceOf(Failure);
    expect(exitCodeOf(error)).toBe(1);
    expect(errorLine(error)).toBe('failed: server_error — The server answered 502.');
  });

  it('names a 4xx without the API error shape by its status', () => {
    expect(errorLine(errorFromResponse(404, 'Not Found'))).toBe('refused: http_404 — The server answered 404.');
  });

  it('maps a network error to a failure naming the server and the socket error', () => {
    const error = networkFailure(
      'http://127.0.0.1:9',
      new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }),
    );
    expect(exitCodeOf(error)).toBe(1);
    expect(errorLine(error)).toBe('failed: network_error — Could not reach http://127.0.0.1:9 (ECONNREFUSED).');
  });

  it('names the job that failed, and gives it in JSON', () => {
    const error = new Failure(
      { code: 'dangling_references', message: 'Refs dangle.' },
      { id: 'j1', kind: 'promotion' },
    );
    expect(errorLine(error)).toBe('failed: dangling_references — Refs dangle. (promotion j1)');
    expect(errorJson(error).job).toEqual({ id: 'j1', kind: 'promotion' });
  });

  it('treats anything unexpected as a failure', () => {
    expect(exitCodeOf(new Error('boom'))).toBe(1);
    expect(errorLine(new Error('boom'))).toBe('failed: internal_error — boom');
  });
});
