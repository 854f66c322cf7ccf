import { redirectChecks } from './redirects';
import { state } from './test-states';

const pages = [
  { key: 'home', path: '/' },
  { key: 'about', path: '/about' },
];
const codes = (redirects: { key: string; from: string; to: string }[], settings?: Record<string, unknown>) =>
  redirectChecks(state({ pages, redirects, settings })).map((c) => [c.code, c.key]);

describe('redirectChecks', () => {
  it('stays silent for redirects straight to served pages or elsewhere', () => {
    expect(
      codes([
        { key: 'a', from: '/old', to: '/about' },
        { key: 'b', from: '/shop', to: 'https://shop.example/x' },
      ]),
    ).toEqual([]);
  });

  it('warns about a chain, on the redirect that starts it', () => {
    expect(
      codes([
        { key: 'a', from: '/a', to: '/b' },
        { key: 'b', from: '/b', to: '/about' },
      ]),
    ).toEqual([['redirect_chain', 'a']]);
    const [chain] = redirectChecks(
      state({
        pages,
        redirects: [
          { key: 'a', from: '/a', to: '/b?x=1' },
          { key: 'b', from: '/b', to: '/about' },
        ],
      }),
    );
    expect(chain).toMatchObject({ severity: 'warning', details: { hops: ['/a', '/b', '/about'] } });
  });

  it('is an error for each redirect of a loop, a redirect to itself included', () => {
    expect(
      codes([
        { key: 'a', from: '/a', to: '/b' },
        { key: 'b', from: '/b', to: '/a' },
      ]),
    ).toEqual([
      ['redirect_loop', 'a'],
      ['redirect_loop', 'b'],
    ]);
    expect(codes([{ key: 'self', from: '/self/', to: '/self' }])).toEqual([['redirect_loop', 'self']]);
  });

  it('follows absolute URLs on the canonical host like paths', () => {
    const settings = { canonicalBase: 'https://www.acme.example' };
    expect(codes([{ key: 'a', from: '/a', to: 'https://www.acme.example/a' }], settings)).toEqual([
      ['redirect_loop', 'a'],
    ]);
  });

  it('reports a redirect that ends where nothing is served as a broken link', () => {
    expect(codes([{ key: 'a', from: '/a', to: '/nowhere' }])).toEqual([['broken_internal_link', 'a']]);
  });
});
