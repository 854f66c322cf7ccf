import { redirectKeyFor, removedUrlChecks, sitemapChecks } from './served-urls';
import { state } from './test-states';

const home = { key: 'home', path: '/' };
const about = { key: 'about', path: '/about' };

describe('removedUrlChecks', () => {
  it('stays silent when every URL production serves is still served', () => {
    const both = state({ pages: [home, about], redirects: [{ key: 'old', from: '/old', to: '/about' }] });
    expect(removedUrlChecks(both, both)).toEqual([]);
  });

  it('reports a page that moved, with a 301 from its old path to its new one', () => {
    const [check] = removedUrlChecks(
      state({ pages: [home, { key: 'about', path: '/about-us' }] }),
      state({ pages: [home, about] }),
    );
    expect(check).toMatchObject({
      code: 'url_removed_without_redirect',
      severity: 'error',
      type: 'page',
      key: 'about',
      details: { path: '/about', movedTo: '/about-us' },
      fix: { type: 'redirect', key: redirectKeyFor('/about'), data: { from: '/about', to: '/about-us', status: 301 } },
    });
  });

  it('is satisfied by a redirect from the old path', () => {
    const candidate = state({
      pages: [home, { key: 'about', path: '/about-us' }],
      redirects: [{ key: 'r', from: '/about', to: '/about-us' }],
    });
    expect(removedUrlChecks(candidate, state({ pages: [home, about] }))).toEqual([]);
  });

  it('points a removed page at the nearest URL above it that is still served', () => {
    const before = state({
      pages: [home, { key: 'blog', path: '/blog' }, { type: 'post', key: 'p', path: '/blog/2024/p' }],
    });
    const [check] = removedUrlChecks(state({ pages: [home, { key: 'blog', path: '/blog' }] }), before);
    expect(check).toMatchObject({ type: 'post', key: 'p', fix: { data: { from: '/blog/2024/p', to: '/blog' } } });
  });

  it('offers no fix when nothing above the URL is served', () => {
    const [check] = removedUrlChecks(state({ pages: [{ key: 'x', path: '/x' }] }), state({ pages: [about] }));
    expect(check.fix).toBeUndefined();
  });

  it("re-creates a removed redirect with production's target", () => {
    const before = state({ pages: [about], redirects: [{ key: 'old', from: '/old-about', to: '/about' }] });
    const [check] = removedUrlChecks(state({ pages: [about] }), before);
    expect(check).toMatchObject({ type: 'redirect', key: 'old', fix: { data: { from: '/old-about', to: '/about' } } });
  });

  it('never names a redirect key the candidate already uses', () => {
    const taken = redirectKeyFor('/about');
    const candidate = state({ pages: [home], redirects: [{ key: taken, from: '/elsewhere', to: '/' }] });
    const [check] = removedUrlChecks(candidate, state({ pages: [home, about] }));
    expect(check.fix!.key).not.toBe(taken);
    expect(check.fix!.key).toMatch(/^moved-about-[0-9a-f]{16}$/);
  });
});

describe('redirectKeyFor', () => {
  it('is a valid, readable key that is the same for the same path', () => {
    expect(redirectKeyFor('/Über/Uns')).toBe(redirectKeyFor('/Über/Uns'));
    expect(redirectKeyFor('/Über/Uns')).toMatch(/^moved-ber-uns-[0-9a-f]{8}$/);
    expect(redirectKeyFor('/')).toMatch(/^moved-home-/);
    expect(redirectKeyFor(`/${'a'.repeat(500)}`).length).toBeLessThanOrEqual(128);
  });
});

describe('sitemapChecks', () => {
  it('reports the URLs added and removed as info, and nothing when the sitemap is the same', () => {
    const before = state({ pages: [home, about] });
    const after = state({
      pages: [home, { key: 'menu', path: '/menu' }],
      redirects: [{ key: 'r', from: '/about', to: '/' }],
    });
    expect(sitemapChecks(after, before)).toEqual([
      expect.objectContaining({
        code: 'sitemap_changed',
        severity: 'info',
        details: { added: ['/menu'], removed: ['/about'], addedCount: 1, removedCount: 1 },
      }),
    ]);
    expect(sitemapChecks(before, before)).toEqual([]);
  });
});
