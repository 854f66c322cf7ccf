import { indexingChecks } from './indexing';
import { state } from './test-states';

const about = { key: 'about', path: '/about' };

describe('indexingChecks', () => {
  it('is an error when the whole site newly becomes noindex', () => {
    const checks = indexingChecks(state({ settings: { noindex: true } }), state({ settings: {} }));
    expect(checks).toEqual([
      expect.objectContaining({ code: 'site_noindex', severity: 'error', type: 'site_settings' }),
    ]);
    expect(indexingChecks(state({ settings: { noindex: true } }), state({ settings: { noindex: true } }))).toEqual([]);
  });

  it('warns when a page production lets search engines index becomes noindex', () => {
    const checks = indexingChecks(state({ pages: [{ ...about, noindex: true }] }), state({ pages: [about] }));
    expect(checks).toEqual([
      expect.objectContaining({ code: 'page_noindex', severity: 'warning', type: 'page', key: 'about' }),
    ]);
  });

  it('stays silent for a new noindex page and one that already was', () => {
    expect(indexingChecks(state({ pages: [{ ...about, noindex: true }] }), state())).toEqual([]);
    const noindex = state({ pages: [{ ...about, noindex: true }] });
    expect(indexingChecks(noindex, noindex)).toEqual([]);
  });

  it('warns when the canonical base changes host or path, or goes', () => {
    const before = state({ settings: { canonicalBase: 'https://www.example.com/' } });
    const to = (canonicalBase?: string) =>
      indexingChecks(state({ settings: canonicalBase ? { canonicalBase } : {} }), before);
    expect(to('https://example.com')).toEqual([
      expect.objectContaining({
        code: 'canonical_changed',
        details: { from: 'https://www.example.com', to: 'https://example.com' },
      }),
    ]);
    expect(to('https://www.example.com/en')).toHaveLength(1);
    expect(to(undefined)).toEqual([
      expect.objectContaining({ code: 'canonical_changed', details: { from: 'https://www.example.com', to: null } }),
    ]);
    expect(to('https://WWW.example.com')).toEqual([]);
  });

  it('stays silent when production named no canonical base (a first launch)', () => {
    expect(indexingChecks(state({ settings: { canonicalBase: 'https://www.example.com' } }), state())).toEqual([]);
  });
});
