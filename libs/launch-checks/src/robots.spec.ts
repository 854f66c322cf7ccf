import { matchesRobotsPattern, robotsChecks, rulesForAllAgents } from './robots';
import { state } from './test-states';

const pages = [
  { key: 'home', path: '/' },
  { key: 'shop', path: '/shop' },
  { key: 'cart', path: '/shop/cart' },
];

describe('rulesForAllAgents', () => {
  it('keeps the rules of groups for *, comments and other agents left out', () => {
    const body =
      'User-agent: Googlebot\nDisallow: /\n\nUser-agent: bingbot\nUser-agent: *\nDisallow: /private # no\nAllow: /private/ok\n';
    expect(rulesForAllAgents(body)).toEqual({ allow: ['/private/ok'], disallow: ['/private'] });
  });
  it('ignores an empty Disallow (which allows everything)', () => {
    expect(rulesForAllAgents('User-agent: *\nDisallow:\n').disallow).toEqual([]);
  });
});

describe('matchesRobotsPattern', () => {
  it('matches prefixes, * wildcards and $ anchors', () => {
    expect(matchesRobotsPattern('/shop', '/shop/cart')).toBe(true);
    expect(matchesRobotsPattern('/*.pdf$', '/files/a.pdf')).toBe(true);
    expect(matchesRobotsPattern('/*.pdf$', '/files/a.pdf.html')).toBe(false);
    expect(matchesRobotsPattern('/shop', '/about')).toBe(false);
  });
});

describe('robotsChecks', () => {
  it('is an error when robots.txt newly disallows the whole site', () => {
    const checks = robotsChecks(state({ pages, robots: 'User-agent: *\nDisallow: /' }), state({ pages }));
    expect(checks).toEqual([
      expect.objectContaining({ code: 'robots_blocks_all', severity: 'error', type: 'robots_txt', key: 'default' }),
    ]);
  });

  it('stays silent when production already blocked everything, or when Allow: / sits beside it', () => {
    const blocked = state({ pages, robots: 'User-agent: *\nDisallow: /' });
    expect(robotsChecks(blocked, blocked)).toEqual([]);
    expect(robotsChecks(state({ pages, robots: 'User-agent: *\nDisallow: /\nAllow: /' }), state({ pages }))).toEqual(
      [],
    );
  });

  it('only counts rules for every crawler', () => {
    expect(robotsChecks(state({ pages, robots: 'User-agent: BadBot\nDisallow: /' }), state({ pages }))).toEqual([]);
  });

  it('warns when a new rule hides published pages, and not when an Allow keeps them', () => {
    const [check] = robotsChecks(state({ pages, robots: 'User-agent: *\nDisallow: /shop' }), state({ pages }));
    expect(check).toMatchObject({
      code: 'robots_hides_pages',
      severity: 'warning',
      details: { pages: ['/shop', '/shop/cart'], count: 2 },
    });
    const allowed = 'User-agent: *\nDisallow: /shop\nAllow: /shop/cart\nAllow: /shop$';
    expect(robotsChecks(state({ pages, robots: allowed }), state({ pages }))).toEqual([]);
  });

  it('stays silent for a rule that hides no page, or one production already had', () => {
    expect(robotsChecks(state({ pages, robots: 'User-agent: *\nDisallow: /admin' }), state({ pages }))).toEqual([]);
    const same = state({ pages, robots: 'User-agent: *\nDisallow: /shop' });
    expect(robotsChecks(same, same)).toEqual([]);
  });
});
