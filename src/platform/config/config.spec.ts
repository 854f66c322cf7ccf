import { ConfigError, loadConfig } from './config';

describe('CRASH_AT', () => {
  const site = '5f0c6b8e-2d1a-4c3b-9e7f-0a1b2c3d4e5f';

  it('reads one point, or a list whose points may each name a site', () => {
    expect(loadConfig({}).crashAt).toBeUndefined();
    expect(loadConfig({ CRASH_AT: 'promotion:swap' }).crashAt).toEqual([{ point: 'promotion:swap' }]);
    expect(loadConfig({ CRASH_AT: `swap:leased@${site},self_test:record` }).crashAt).toEqual([
      { point: 'swap:leased', siteId: site },
      { point: 'self_test:record' },
    ]);
  });

  it.each(['promotion', 'promotion:swap@', 'promotion:swap@site-a', `promotion:swap,,swap:leased`, 'Promotion:swap'])(
    'refuses %j',
    (value) => expect(() => loadConfig({ CRASH_AT: value })).toThrow(ConfigError),
  );
});
