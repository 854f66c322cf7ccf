import { buildDesign, layoutFor, MAX_POPUPS_PER_PAGE, popupsFor } from './site-design';

describe('buildDesign', () => {
  it('picks the default theme and settings, keeps every stylesheet in key order and drops disabled popups', () => {
    const design = buildDesign([
      { type: 'theme', key: 'zeta', body: { colors: { a: '#000' } } },
      { type: 'theme', key: 'default', body: { colors: { a: '#fff' } } },
      { type: 'stylesheet', key: 'b', body: { css: 'b{}' } },
      { type: 'stylesheet', key: 'a', body: { css: 'a{}' } },
      { type: 'site_settings', key: 'default', body: { title: 'Acme' } },
      { type: 'popup', key: 'off', body: { title: 'x', enabled: false } },
      { type: 'popup', key: 'on', body: { title: 'y' } },
    ]);
    expect(design.theme).toEqual({ colors: { a: '#fff' } });
    expect(design.stylesheets).toEqual(['a{}', 'b{}']);
    expect(design.settings.title).toBe('Acme');
    expect(design.popups.map((p) => p.key)).toEqual(['on']);
  });

  it('uses the theme that the settings name', () => {
    const design = buildDesign([
      { type: 'theme', key: 'default', body: { colors: { a: '#fff' } } },
      { type: 'theme', key: 'dark', body: { colors: { a: '#000' } } },
      { type: 'site_settings', key: 'default', body: { theme: 'dark' } },
    ]);
    expect(design.theme).toEqual({ colors: { a: '#000' } });
  });

  it('gives a page its own layout, else the default one, else the first', () => {
    const design = buildDesign([
      { type: 'layout', key: 'blog', body: { name: 'Blog' } },
      { type: 'layout', key: 'default', body: { name: 'Main' } },
    ]);
    expect(layoutFor(design, 'blog')?.name).toBe('Blog');
    expect(layoutFor(design, 'missing')?.name).toBe('Main');
    expect(layoutFor(buildDesign([{ type: 'layout', key: 'only', body: { name: 'Only' } }]), undefined)?.name).toBe(
      'Only',
    );
  });

  it('shows a page the popups aimed at it first, then site-wide ones, a few at most', () => {
    const popups = Array.from({ length: 6 }, (_, i) => ({ type: 'popup', key: `site-${i}`, body: { title: `${i}` } }));
    const design = buildDesign([
      ...popups,
      { type: 'popup', key: 'blog-only', body: { title: 'blog', paths: ['/blog/*'] } },
      { type: 'popup', key: 'about-only', body: { title: 'about', paths: ['/about'] } },
    ]);
    expect(popupsFor(design, '/blog/first').map((p) => p.key)).toEqual(['blog-only', 'site-0', 'site-1']);
    expect(popupsFor(design, '/about').map((p) => p.key)[0]).toBe('about-only');
    expect(popupsFor(design, '/about/team').map((p) => p.key)).not.toContain('about-only');
    expect(popupsFor(design, '/')).toHaveLength(MAX_POPUPS_PER_PAGE);
  });
});
