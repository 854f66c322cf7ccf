import { launchChecks } from './launch-report';
import { state } from './test-states';
import { variableChecks } from './variables';

describe('launchChecks', () => {
  it('is empty for a clean first launch except the sitemap information', () => {
    const candidate = state({
      pages: [
        {
          key: 'home',
          path: '/',
          blocks: [
            { type: 'image', media: 'hero.png' },
            { type: 'link', href: '/about' },
          ],
        },
        { key: 'about', path: '/about' },
      ],
      redirects: [{ key: 'old-about', from: '/old-about', to: '/about' }],
      settings: { title: 'Acme', canonicalBase: 'https://www.acme.example' },
      robots: 'User-agent: *\nAllow: /',
      media: ['hero.png'],
    });
    expect(launchChecks(candidate, state()).map((c) => c.code)).toEqual(['sitemap_changed']);
    expect(launchChecks(candidate, candidate)).toEqual([]);
  });

  it('orders errors, then warnings, then information', () => {
    const before = state({
      pages: [
        { key: 'home', path: '/' },
        { key: 'about', path: '/about' },
      ],
    });
    const after = state({ pages: [{ key: 'home', path: '/', blocks: [{ type: 'link', href: '/x' }] }] });
    expect(launchChecks(after, before).map((c) => c.severity)).toEqual(['error', 'warning', 'info']);
  });
});

describe('variableChecks', () => {
  it('is an error for each variable production does not define', () => {
    expect(variableChecks(['A', 'B'], ['B'])).toEqual([
      expect.objectContaining({ code: 'variable_missing', severity: 'error', type: 'variable', key: 'A' }),
    ]);
    expect(variableChecks([], [])).toEqual([]);
  });
});
