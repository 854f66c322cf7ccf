import { linkChecks } from './link-checks';
import { outgoingOf } from './links';
import { state } from './test-states';

const served = [
  { key: 'home', path: '/' },
  { key: 'menu', path: '/menu' },
];

describe('outgoingOf', () => {
  it('finds the links and files of link, button, html, image and component blocks, and none in text', () => {
    const components = new Map<string, unknown>([
      ['nav', { component: 'navbar', props: { links: ['Ignored'] } }],
      ['cta', { component: 'button' }],
      ['top', { component: 'hero' }],
    ]);
    const blocks = [
      { type: 'text', text: 'see /nowhere and <a href="/nope">' },
      { type: 'link', href: '/a' },
      { type: 'button', href: ' /b ' },
      { type: 'html', html: `<p><a class="x" href="/c">c</a> <A HREF='/d'>d</A> <img src=/media/pic.png></p>` },
      { type: 'image', media: 'hero.png' },
      { type: 'component', component: 'nav', props: { links: ['Our Menu', { href: '/e' }, { path: '/f' }] } },
      { type: 'component', component: 'cta', props: { href: '/g' } },
      { type: 'component', component: 'top', props: { image: 'top.png' } },
    ];
    expect(outgoingOf(blocks, components)).toEqual({
      hrefs: ['/a', '/b', '/c', '/d', '/media/pic.png', '/our-menu', '/e', '/f', '/g'],
      media: ['hero.png', 'top.png'],
    });
  });
});

describe('linkChecks', () => {
  it('stays silent when every link and file resolves', () => {
    const clean = state({
      pages: [
        {
          ...served[0],
          blocks: [
            { type: 'link', href: '/menu?x=1#top' },
            { type: 'image', media: 'a.png' },
          ],
          ogImage: 'a.png',
        },
        {
          ...served[1],
          blocks: [
            {
              type: 'html',
              html: '<a href="https://elsewhere.example/x">x</a><a href="mailto:a@b.c">m</a><a href="#top">t</a><a href="/sitemap.xml">s</a>',
            },
          ],
        },
      ],
      media: ['a.png'],
    });
    expect(linkChecks(clean)).toEqual([]);
  });

  it('reports links to paths the candidate does not serve, one check per page', () => {
    const candidate = state({
      pages: [
        {
          ...served[0],
          blocks: [
            { type: 'link', href: '/gone' },
            { type: 'html', html: '<a href="/gone/">x</a><a href="/also-gone">y</a>' },
          ],
        },
        served[1],
      ],
    });
    expect(linkChecks(candidate)).toEqual([
      expect.objectContaining({
        code: 'broken_internal_link',
        severity: 'warning',
        type: 'page',
        key: 'home',
        details: { paths: ['/also-gone', '/gone'], count: 2 },
      }),
    ]);
  });

  it('resolves relative links against the page and absolute ones on the canonical host', () => {
    const candidate = state({
      settings: { canonicalBase: 'https://www.acme.example' },
      pages: [
        {
          key: 'menu',
          path: '/menu',
          blocks: [
            { type: 'link', href: 'drinks' },
            { type: 'link', href: 'https://www.acme.example/menu' },
            { type: 'link', href: 'https://www.acme.example/lost' },
          ],
        },
      ],
    });
    expect(linkChecks(candidate)[0].details).toEqual({ paths: ['/drinks', '/lost'], count: 2 });
  });

  it('reports files the candidate lacks as missing_media (an error), from blocks, links and SEO images', () => {
    const candidate = state({
      pages: [
        {
          ...served[0],
          blocks: [
            { type: 'image', media: 'gone.png' },
            { type: 'link', href: '/media/brochure.pdf' },
          ],
          ogImage: 'og.png',
        },
      ],
      settings: { ogImage: 'site.png' },
      media: ['og.png'],
    });
    expect(linkChecks(candidate)).toEqual([
      expect.objectContaining({
        code: 'missing_media',
        severity: 'error',
        type: 'page',
        key: 'home',
        details: { media: ['brochure.pdf', 'gone.png'], count: 2 },
      }),
      expect.objectContaining({
        code: 'missing_media',
        type: 'site_settings',
        key: 'default',
        details: { media: ['site.png'], count: 1 },
      }),
    ]);
  });

  it("checks navigation: layouts' blocks and component overrides' own links, each once", () => {
    const candidate = state({
      pages: [{ ...served[0], blocks: [{ type: 'component', component: 'nav' }] }, served[1]],
      components: [{ key: 'nav', body: { component: 'navbar', props: { links: ['Menu', 'Contact'] } } }],
      layouts: [
        {
          key: 'main',
          body: { header: [{ type: 'component', component: 'nav' }], footer: [{ type: 'link', href: '/imprint' }] },
        },
      ],
    });
    expect(linkChecks(candidate).map((c) => [c.type, c.key, c.details])).toEqual([
      ['layout', 'main', { paths: ['/imprint'], count: 1 }],
      ['component_override', 'nav', { paths: ['/contact'], count: 1 }],
    ]);
  });
});
