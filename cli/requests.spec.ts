import { collectCodes } from './launch-checks';
import { Refusal } from './outcome';
import { promotionBody, requests } from './requests';

describe('CLI requests', () => {
  it('posts only what was asked for a promotion', () => {
    expect(requests.promote('acme', 'fp1', {})).toEqual({
      method: 'POST',
      path: '/api/sites/acme/promotions',
      body: { fingerprint: 'fp1' },
    });
    expect(promotionBody('fp1', { snapshot: true, note: 'launch' })).toEqual({
      fingerprint: 'fp1',
      snapshot: true,
      note: 'launch',
    });
  });

  it('schedules with --at, passing the time and zone through for the server to validate', () => {
    expect(promotionBody('fp1', { at: '2030-01-05T02:00', timeZone: 'Europe/Paris' })).toEqual({
      fingerprint: 'fp1',
      runAt: '2030-01-05T02:00',
      timeZone: 'Europe/Paris',
    });
  });

  it('sends acknowledged launch checks, and collects them from a repeatable comma-separated flag', () => {
    const codes = collectCodes('robots_blocks_all', collectCodes('url_removed_without_redirect, site_noindex,'));
    expect(codes).toEqual(['url_removed_without_redirect', 'site_noindex', 'robots_blocks_all']);
    expect(promotionBody('fp1', { acknowledgeChecks: codes })).toEqual({
      fingerprint: 'fp1',
      acknowledgeChecks: codes,
    });
    expect(promotionBody('fp1', { acknowledgeChecks: [] })).toEqual({ fingerprint: 'fp1' });
  });

  it('refuses a time zone without a time', () => {
    expect(() => promotionBody('fp1', { timeZone: 'Europe/Paris' })).toThrow(Refusal);
  });

  it('encodes every path segment it is given', () => {
    expect(requests.restore('acme', 'a/../b').path).toBe('/api/sites/acme/snapshots/a%2F..%2Fb/restore');
    expect(requests.undo('my site', 'p1')).toEqual({ method: 'POST', path: '/api/sites/my%20site/promotions/p1/undo' });
    expect(requests.preview('acme', 'c=1&x', 1).path).toBe(
      '/api/sites/acme/promotion/preview?limit=1&cursor=c%3D1%26x',
    );
    expect(requests.jobEvents('j1').path).toBe('/api/jobs/j1/events');
  });
});
