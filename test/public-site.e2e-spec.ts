import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { auditTags, unsafeUrlAttributes } from '../libs/site-renderer/src/html-audit';
import { auth, createTestApp } from './app';
import { binary } from './binary-body';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { breakGlass, productionMedia } from './public-content';
import { PublicContentRepository } from '../src/public-site/public-content.repository';
import { png } from './staging';

const HOSTILE = `</title><script>alert("x")</script>"'><img src=x onerror=alert(1)> javascript:alert(1)`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;';

describe('the public site', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  /** A production site with every design part, set up before its first request (so no cache to wait out). */
  async function designedSite(): Promise<TestSite> {
    const site = await createSite(app, 'public');
    const put = (type: string, key: string, data: unknown) => breakGlass(app, site, type, key, data);
    await put('site_settings', 'default', {
      title: 'Acme Coffee',
      description: 'Small-batch roasts',
      canonicalBase: 'https://www.acme.example',
      locale: 'en-GB',
      maintenancePage: { title: 'Roasting', message: 'Back in a minute.' },
    });
    await put('theme', 'default', { colors: { primary: '#6f4e37' }, fonts: { heading: 'Georgia, serif' } });
    await put('stylesheet', 'default', { css: '.hero { margin: 0 }' });
    await put('component_override', 'main-nav', { component: 'navbar', props: { links: ['Shop', 'Visit'] } });
    await put('layout', 'default', {
      header: [{ id: 'nav', type: 'component', component: 'main-nav' }],
      footer: [{ id: 'foot', type: 'text', text: '© Acme Coffee' }],
    });
    await put('form', 'contact', {
      title: 'Contact us',
      fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    });
    await put('popup', 'welcome', {
      title: 'Ten percent off',
      body: 'Today only',
      trigger: { on: 'delay', delaySeconds: 5 },
    });
    await put('consent_rule', 'analytics', {
      category: 'analytics',
      bannerText: 'We count visits with your consent.',
      scripts: [{ src: 'https://analytics.example/tag.js' }],
    });
    await put('page', 'about', {
      title: 'About',
      path: '/about',
      seo: { description: 'Who roasts your coffee' },
      blocks: [
        { id: 'h', type: 'heading', text: 'About Acme', level: 1 },
        { id: 't', type: 'text', text: 'We roast on Tuesdays.' },
        { id: 'f', type: 'form', form: 'contact' },
        { id: 'x', type: 'html', html: '<em class="raw">raw on purpose</em>' },
      ],
    });
    await put('post', 'first', { title: 'First roast', path: '/blog/first', author: 'Ada', blocks: [] });
    await put('redirect', 'old-about', { from: '/old-about', to: '/about', status: 308 });
    await put('redirect', 'shop', { from: '/shop', to: 'https://shop.example.com/', status: 302 });
    return site;
  }

  describe('a rendered page', () => {
    let site: TestSite;
    let first: request.Response;
    let html: string;
    beforeAll(async () => {
      site = await designedSite();
      first = await http().get(`/sites/${site.slug}/about`).expect(200);
      html = first.text;
    });

    it('is HTML in the site’s language with its title and SEO metadata', () => {
      expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html).toContain('<html lang="en-GB">');
      expect(html).toContain('<title>About · Acme Coffee</title>');
      expect(html).toContain('<meta name="description" content="Who roasts your coffee">');
      expect(html).toContain('<link rel="canonical" href="https://www.acme.example/about">');
      expect(html).toContain('<meta property="og:title" content="About">');
      expect(html).toContain('<meta property="og:site_name" content="Acme Coffee">');
    });

    it('carries the theme, custom CSS, layout and components', () => {
      expect(html).toContain('--color-primary:#6f4e37');
      expect(html).toContain('.hero { margin: 0 }');
      expect(html).toContain(`<a href="/sites/${site.slug}/shop">Shop</a>`);
      expect(html).toContain('<p>© Acme Coffee</p>');
    });

    it('renders its blocks, its form and the site’s popups', () => {
      expect(html).toContain('<h1 data-block="h">About Acme</h1>');
      expect(html).toContain(`action="/sites/${site.slug}/forms/contact"`);
      expect(html).toContain('<em class="raw">raw on purpose</em>');
      expect(html).toContain('data-popup="welcome"');
    });

    it('asks for consent and keeps tracking scripts inert text until given', () => {
      expect(html).toContain('<p>We count visits with your consent.</p>');
      expect(html).toContain(
        '<script type="text/plain" data-consent="analytics" data-src="https://analytics.example/tag.js">',
      );
      expect(auditTags(html).filter((t) => t.name === 'script' && t.attributes.src)).toEqual([]);
    });

    it('gives the visitor a session cookie with the first response', () => {
      const cookie = String(first.headers['set-cookie']);
      expect(cookie).toMatch(/promote_session=[\w-]{32}/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(new RegExp(`Path=/sites/${site.slug}`));
    });

    it('is rendered once and then served from the cache, gzip-compressed or plain, with an ETag', async () => {
      expect(first.headers['x-render-cache']).toBe('miss');
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await http().get(`/sites/${site.slug}/about/`).expect(200);
      expect(again.headers['x-render-cache']).toBe('hit');
      expect(again.text).toBe(html);
      expect(again.headers['content-encoding']).toBe('gzip');
      const plain = await http().get(`/sites/${site.slug}/about`).set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.text).toBe(html);
      await http().get(`/sites/${site.slug}/about`).set('If-None-Match', first.headers.etag).expect(304);
      const head = await http().head(`/sites/${site.slug}/about`).expect(200);
      expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    });

    it('renders a post as an article with its author', async () => {
      const post = await http().get(`/sites/${site.slug}/blog/first`).expect(200);
      expect(post.text).toContain('<meta property="og:type" content="article">');
      expect(post.text).toContain('By Ada');
    });
  });

  it('keeps the design of a state whose change touched no design entity, and reads it again when one did', async () => {
    const site = await designedSite();
    await http().get(`/sites/${site.slug}/about`).expect(200);
    const designReads = jest.spyOn(app.get(PublicContentRepository), 'ofTypes');
    try {
      const put = (type: string, key: string, data: unknown) => breakGlass(app, site, type, key, data);
      await put('post', 'second', { title: 'Second roast', path: '/blog/second', author: 'Ada', blocks: [] });
      const post = await http().get(`/sites/${site.slug}/blog/second`).expect(200);
      expect(post.text).toContain('--color-primary:#6f4e37');
      expect(designReads).not.toHaveBeenCalled();
      await put('theme', 'default', { colors: { primary: '#112233' }, fonts: { heading: 'Georgia, serif' } });
      const again = await http().get(`/sites/${site.slug}/blog/second`).expect(200);
      expect(again.text).toContain('--color-primary:#112233');
      expect(designReads).toHaveBeenCalledTimes(1);
    } finally {
      designReads.mockRestore();
    }
  });

  it('answers redirects with their status, robots.txt and a sitemap of the published pages', async () => {
    const site = await designedSite();
    const moved = await http().get(`/sites/${site.slug}/old-about`).expect(308);
    expect(moved.headers.location).toBe(`/sites/${site.slug}/about`);
    const away = await http().get(`/sites/${site.slug}/shop`).expect(302);
    expect(away.headers.location).toBe('https://shop.example.com/');

    const robots = await http().get(`/sites/${site.slug}/robots.txt`).expect(200);
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.text).toMatch(
      /^User-agent: \*\nAllow: \/\nSitemap: http:\/\/127\.0\.0\.1:\d+\/sites\/.*\/sitemap\.xml\n$/,
    );
    await breakGlass(app, site, 'robots_txt', 'default', { body: 'User-agent: *\nDisallow: /private' });
    await eventually(async () =>
      expect((await http().get(`/sites/${site.slug}/robots.txt`)).text).toBe('User-agent: *\nDisallow: /private\n'),
    );

    const sitemap = await http().get(`/sites/${site.slug}/sitemap.xml`).expect(200);
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(sitemap.text).toContain('<loc>https://www.acme.example/about</loc>');
    expect(sitemap.text).toContain('<loc>https://www.acme.example/blog/first</loc>');
    expect(sitemap.text).not.toContain('old-about');
  });

  it('answers an unknown path with the site’s real 404 page, and an unknown site with a plain one', async () => {
    const site = await designedSite();
    const res = await http().get(`/sites/${site.slug}/no/such/page`).expect(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<h1>Page not found</h1>');
    expect(res.text).toContain('--color-primary:#6f4e37');
    expect(res.text).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(res.text).toContain(`<a href="/sites/${site.slug}/">Go to the home page</a>`);
    // A malformed escape is refused by the router before any lookup: bad input, never a 500.
    await http().get(`/sites/${site.slug}/%E0%A4%A`).expect(400);
    // Characters no route or slug can hold (U+0000 would not even reach the database) are simply not found.
    await http().get(`/sites/${site.slug}/%00`).expect(404);
    await http().get('/sites/%00/').expect(404);
    const none = await http().get('/sites/no-such-site-here/about').expect(404);
    expect(none.text).toContain('There is no site here.');
    const json = await http().get('/sites/no-such-site-here/about').set('Accept', 'application/json').expect(404);
    expect(json.body.error.code).toBe('not_found');
  });

  it('streams media from S3 under content-addressed URLs that are cached forever', async () => {
    const site = await createSite(app, 'media');
    const bytes = png('public-media');
    const { sha256 } = await productionMedia(app, site, 'hero', bytes);
    await breakGlass(app, site, 'page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'i', type: 'image', media: 'hero', alt: 'Our roastery' }],
    });
    const url = `/sites/${site.slug}/media/hero?v=${sha256.slice(0, 16)}`;
    await eventually(async () =>
      expect((await http().get(`/sites/${site.slug}/`).expect(200)).text).toContain(
        `<img src="${url}" alt="Our roastery"`,
      ),
    );
    // The home page answers with and without the trailing slash.
    expect((await http().get(`/sites/${site.slug}`).expect(200)).text).toContain(url);
    const res = await http().get(url).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(res.body, bytes)).toBe(0);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.etag).toBe(`"${sha256}"`);
    // Without the version (or with an old one) the bytes may change on the next promotion: a short cache.
    expect((await http().get(`/sites/${site.slug}/media/hero`).expect(200)).headers['cache-control']).toBe(
      'public, max-age=300',
    );
    await http().get(`/sites/${site.slug}/media/nope`).expect(404);
    await http().get(`/sites/${site.slug}/media/..%2Fsecret`).expect(404);
  });

  it('escapes hostile text in every field that reaches HTML, and never links or redirects to javascript:', async () => {
    const site = await createSite(app, 'hostile');
    const put = (type: string, key: string, data: unknown) => breakGlass(app, site, type, key, data);
    const evilLinks = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '//evil.example'];
    await put('site_settings', 'default', { title: HOSTILE, description: HOSTILE, locale: `en" x="` });
    await put('stylesheet', 'default', { css: 'body{}</style><script>alert(1)</script>' });
    await put('component_override', 'nav', {
      component: 'navbar',
      props: { brand: HOSTILE, links: [HOSTILE, ...evilLinks.map((href) => ({ label: HOSTILE, href }))] },
    });
    await put('layout', 'default', {
      header: [{ id: 'n', type: 'component', component: 'nav' }],
      footer: [{ id: 'f', type: 'text', text: HOSTILE }],
    });
    await put('form', 'contact', {
      title: HOSTILE,
      submitLabel: HOSTILE,
      fields: [
        { name: 'email', type: 'email', label: HOSTILE, placeholder: HOSTILE, required: true },
        { name: 'grind', type: 'select', label: HOSTILE, options: [HOSTILE] },
      ],
    });
    await put('popup', 'p', { title: HOSTILE, body: HOSTILE, form: 'contact' });
    await put('consent_rule', 'c', { category: HOSTILE, bannerText: HOSTILE, scripts: [{ src: '/tag.js' }] });
    await put('page', 'evil', {
      title: HOSTILE,
      path: '/evil',
      summary: HOSTILE,
      seo: { title: HOSTILE, description: HOSTILE },
      blocks: [
        { id: 'h', type: 'heading', text: HOSTILE, level: 2 },
        { id: 't', type: 'text', text: HOSTILE },
        { id: 'f', type: 'form', form: 'contact' },
        ...evilLinks.map((href, i) => ({ id: `l${i}`, type: 'link', href, text: HOSTILE })),
        { id: 'u', type: 'weird', note: HOSTILE },
      ],
    });
    await put('post', 'evil-post', {
      title: HOSTILE,
      path: '/evil-post',
      author: HOSTILE,
      tags: [HOSTILE],
      blocks: [],
    });
    for (const path of ['/evil', '/evil-post', '/missing']) {
      const res = await http().get(`/sites/${site.slug}${path}`);
      const tags = auditTags(res.text);
      expect(tags.filter((t) => Object.keys(t.attributes).some((a) => a.startsWith('on')))).toEqual([]);
      expect(unsafeUrlAttributes(tags)).toEqual([]);
      expect(tags.filter((t) => t.name === 'script' && t.attributes.src)).toEqual([]);
      expect(res.text).not.toContain('<script>alert');
      expect(res.text).toContain(ESCAPED);
    }

    // The API refuses a javascript: redirect; one that reached a state another way is not followed.
    const refused = await request(app.getHttpServer())
      .put(`/api/sites/${site.slug}/production/content/redirect/evil`)
      .set(auth(site.tokens.owner))
      .set('X-Break-Glass', 'test')
      .send({ data: { from: '/go', to: 'javascript:alert(1)', status: 302 } })
      .expect(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain('data.to');
    const stored = await put('redirect', 'evil', { from: '/go', to: '/evil', status: 302 });
    await app
      .get(DataSource)
      .query(`update revisions set body = jsonb_set(body, '{to}', '"javascript:alert(1)"') where hash = $1`, [
        stored.revision,
      ]);
    const go = await eventually(async () => {
      const res = await http().get(`/sites/${site.slug}/go`);
      expect(res.status).toBe(404);
      return res;
    });
    expect(go.headers.location).toBeUndefined();
  });

  it('sends a Content-Security-Policy and frame protection on production, preview and 404 pages', async () => {
    const site = await designedSite();
    const pages = [
      await http().get(`/sites/${site.slug}/about`).expect(200),
      await http().get(`/sites/${site.slug}/about`).expect(200), // the cached-page fast path
      await http().get(`/sites/${site.slug}/no/such/page`).expect(404),
      await http().get(`/preview/${site.slug}/`).set(auth(site.tokens.reviewer)).expect(404),
      await http().get(`/preview/${site.slug}/`).expect(401), // the error filter's page
    ];
    expect(pages[1].headers['x-render-cache']).toBe('hit');
    for (const res of pages) {
      const csp = String(res.headers['content-security-policy']);
      expect([res.status, csp]).toEqual([res.status, expect.stringContaining("frame-ancestors 'self'")]);
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    // The page's own script and style by hash; its consent rule's script by origin.
    expect(pages[0].headers['content-security-policy']).toMatch(
      /script-src 'sha256-[\w+/=]+' https:\/\/analytics\.example; style-src 'sha256-[\w+/=]+';/,
    );
    const api = await http().get(`/api/sites/${site.slug}`).set(auth(site.tokens.owner)).expect(200);
    expect(api.headers['x-powered-by']).toBeUndefined();
  });

  it('sanitises html blocks unless the site’s owner trusts its custom code, and audits the switch', async () => {
    const site = await createSite(app, 'trusted');
    const custom = '<p>Hi</p><script>window.__custom=1</script><img src="/x.png" onerror="alert(1)">';
    await breakGlass(app, site, 'page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'c', type: 'html', html: custom }],
    });
    const home = () => http().get(`/sites/${site.slug}/`).expect(200);
    const setTrusted = (trustedCustomCode: unknown, token = site.tokens.owner) =>
      http().patch(`/api/sites/${site.slug}`).set(auth(token)).send({ trustedCustomCode });

    const sanitised = await home();
    expect(sanitised.text).toContain('<div class="html" data-block="c"><p>Hi</p><img src="/x.png" /></div>');
    expect(sanitised.text).not.toContain('__custom');

    expect((await setTrusted('yes').expect(400)).body.error.code).toBe('validation_failed');
    expect((await setTrusted(true, site.tokens.editor).expect(403)).body.error.code).toBe('forbidden');
    const { body: updated } = await setTrusted(true).expect(200);
    expect(updated).toMatchObject({ slug: site.slug, trustedCustomCode: true });
    await eventually(async () => expect((await home()).text).toContain(custom));
    const trusted = await home();
    expect(trusted.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline' https:");
    expect(trusted.headers['content-security-policy']).toContain("frame-ancestors 'self'");

    // Turning it off again applies to the same content state at once: the render cache keys on the setting.
    await setTrusted(false).expect(200);
    await eventually(async () => expect((await home()).text).not.toContain('__custom'));
    expect((await home()).headers['content-security-policy']).not.toContain('unsafe-inline');

    const { body: audit } = await http().get(`/api/sites/${site.slug}/audit`).set(auth(site.tokens.owner)).expect(200);
    expect(
      audit.items.filter((e: { action: string }) => e.action === 'site.updated').map((e: any) => e.details),
    ).toEqual([{ trustedCustomCode: { from: true, to: false } }, { trustedCustomCode: { from: false, to: true } }]);
  });
});
