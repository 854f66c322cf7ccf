import { createHash } from 'node:crypto';
import type { FormBody, MediaBody, PageBody } from '../../content-model';
import { TemplateRenderError } from './component-template';
import { auditTags, unsafeUrlAttributes } from './html-audit';
import { buildDesign, type DesignEntity, type PageAssets } from './site-design';
import { SiteRenderer } from './site-renderer';

// Closes a text node, an attribute (both quotes), opens a tag with a handler, and tries a javascript: URL.
const HOSTILE = `</title></textarea><script>alert("x")</script>"'><img src=x onerror=alert(1)> javascript:alert(1)`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;';
const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,x',
  '//evil.example',
];
const SHA = 'c'.repeat(64);

const renderer = new SiteRenderer();
const target = { base: '/sites/acme', env: 'production' as const };

function designOf(entities: DesignEntity[]) {
  return buildDesign(entities);
}

const hostileDesign = designOf([
  {
    type: 'site_settings',
    key: 'default',
    body: {
      title: HOSTILE,
      description: HOSTILE,
      canonicalBase: 'javascript:alert(1)',
      locale: `en" onload="alert(1)`,
      ogImage: 'hero',
      maintenancePage: { title: HOSTILE, message: HOSTILE },
    },
  },
  {
    type: 'theme',
    key: 'default',
    body: { colors: { primary: 'red;}</style><script>alert(1)</script>', ok: '#fff' } },
  },
  { type: 'stylesheet', key: 'default', body: { css: 'body{color:red}</style><script>alert(1)</script>' } },
  {
    type: 'layout',
    key: 'default',
    body: {
      header: [{ id: HOSTILE, type: 'component', component: 'nav' }],
      footer: [{ id: 'f', type: 'text', text: HOSTILE }],
    },
  },
  {
    type: 'component_override',
    key: 'nav',
    body: {
      component: 'navbar',
      props: { brand: HOSTILE, links: [HOSTILE, ...HOSTILE_URLS.map((href) => ({ label: HOSTILE, href }))] },
    },
  },
  { type: 'component_override', key: 'weird', body: { component: HOSTILE, props: { text: HOSTILE } } },
  {
    type: 'popup',
    key: 'sale',
    body: { title: HOSTILE, body: HOSTILE, form: 'contact', trigger: { on: HOSTILE, delaySeconds: HOSTILE } },
  },
  {
    type: 'consent_rule',
    key: 'analytics',
    body: {
      category: HOSTILE,
      bannerText: HOSTILE,
      scripts: [{ src: 'https://analytics.example/tag.js' }, ...HOSTILE_URLS.map((src) => ({ src }))],
    },
  },
]);

const contactForm: FormBody = {
  title: HOSTILE,
  submitLabel: HOSTILE,
  fields: [
    { name: 'email', type: 'email', label: HOSTILE, placeholder: HOSTILE, required: true },
    { name: 'grind', type: 'select', label: HOSTILE, options: [HOSTILE, 'Espresso'] },
    { name: 'terms', type: 'checkbox', label: HOSTILE },
  ],
};
const hostileAssets: PageAssets = {
  forms: new Map([['contact', contactForm]]),
  media: new Map<string, MediaBody>([['hero', { sha256: SHA, size: 1, contentType: 'image/png', alt: HOSTILE }]]),
};

const hostilePage: PageBody = {
  title: HOSTILE,
  path: '/about',
  summary: HOSTILE,
  seo: { title: HOSTILE, description: HOSTILE, ogImage: 'hero' },
  blocks: [
    { id: HOSTILE, type: 'heading', text: HOSTILE, level: 9 },
    { id: 't', type: 'text', text: `${HOSTILE}\n${HOSTILE}\n\n${HOSTILE}` },
    { id: 'i', type: 'image', media: 'hero', alt: HOSTILE },
    { id: 'f', type: 'form', form: 'contact' },
    ...HOSTILE_URLS.map((href, n) => ({ id: `l${n}`, type: 'link', href, text: HOSTILE })),
    { id: 'b', type: 'button', href: '/shop', text: HOSTILE },
    { id: 'c', type: 'component', component: 'weird', props: { text: HOSTILE } },
    { id: 'u', type: HOSTILE },
  ],
};

describe('SiteRenderer', () => {
  it('renders a page with every design part', () => {
    const design = designOf([
      {
        type: 'site_settings',
        key: 'default',
        body: { title: 'Acme', description: 'Coffee', canonicalBase: 'https://www.acme.example', locale: 'nl-BE' },
      },
      { type: 'theme', key: 'default', body: { colors: { primary: '#6f4e37' }, fonts: { heading: 'Georgia, serif' } } },
      { type: 'stylesheet', key: 'a', body: { css: '.hero{margin:0}' } },
      { type: 'stylesheet', key: 'b', body: { css: '.card{padding:1rem}' } },
      {
        type: 'layout',
        key: 'default',
        body: {
          header: [{ id: 'nav', type: 'component', component: 'main-nav' }],
          footer: [{ id: 'foot', type: 'text', text: '© Acme' }],
        },
      },
      { type: 'component_override', key: 'main-nav', body: { component: 'navbar', props: { links: ['Shop'] } } },
      { type: 'popup', key: 'welcome', body: { title: 'Ten percent off', trigger: { on: 'delay', delaySeconds: 5 } } },
      {
        type: 'consent_rule',
        key: 'analytics',
        body: { category: 'analytics', bannerText: 'We count visits.', scripts: [{ src: 'https://a.example/t.js' }] },
      },
    ]);
    const { html } = renderer.page(
      'page',
      {
        title: 'About',
        path: '/about',
        seo: { description: 'About us', ogImage: 'hero' },
        blocks: [
          { id: 'h', type: 'heading', text: 'About us', level: 1 },
          { id: 'i', type: 'image', media: 'hero', alt: 'Our shop' },
          { id: 'f', type: 'form', form: 'contact' },
          { id: 'x', type: 'html', html: '<em>raw, on purpose</em>' },
        ],
      },
      design,
      {
        forms: new Map([['contact', { title: 'Contact', fields: [{ name: 'email', type: 'email', required: true }] }]]),
        media: new Map([['hero', { sha256: SHA, size: 10, contentType: 'image/png' }]]),
      },
      target,
    );
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).toContain('<title>About · Acme</title>');
    expect(html).toContain('<meta name="description" content="About us">');
    expect(html).toContain('<link rel="canonical" href="https://www.acme.example/about">');
    expect(html).toContain('<meta property="og:url" content="https://www.acme.example/about">');
    expect(html).toContain(
      `<meta property="og:image" content="https://www.acme.example/media/hero?v=${'c'.repeat(16)}">`,
    );
    expect(html).toContain('--color-primary:#6f4e37');
    expect(html).toContain('--font-heading:Georgia, serif');
    expect(html.indexOf('.hero{margin:0}')).toBeLessThan(html.indexOf('.card{padding:1rem}'));
    expect(html).toContain('<a href="/sites/acme/shop">Shop</a>');
    expect(html).toContain('<footer class="site-footer">');
    expect(html).toContain(`<img src="/sites/acme/media/hero?v=${'c'.repeat(16)}" alt="Our shop"`);
    expect(html).toContain('action="/sites/acme/forms/contact"');
    expect(html).toContain('name="_hp"');
    expect(html).toContain('<em>raw, on purpose</em>');
    expect(html).toContain('data-popup="welcome" data-trigger="delay" data-delay="5"');
    expect(html).toContain('<p>We count visits.</p>');
    // The tracking script is inert until consent: never a real <script src> for it.
    expect(html).toContain('<script type="text/plain" data-consent="analytics" data-src="https://a.example/t.js">');
    expect(html).not.toContain('<script src="https://a.example/t.js"');
    expect(html).not.toContain('Staging preview');
  });

  it('escapes hostile text in every field that reaches HTML and drops unsafe URLs', () => {
    const pages = [
      renderer.page('page', hostilePage, hostileDesign, hostileAssets, target),
      renderer.page(
        'post',
        { ...hostilePage, author: HOSTILE, tags: [HOSTILE], publishedAt: HOSTILE },
        hostileDesign,
        hostileAssets,
        { ...target, env: 'staging', stagingVersion: 3 },
      ),
      renderer.notFound(hostileDesign, hostileAssets, target),
      renderer.maintenance(hostileDesign, target),
      renderer.thankYou(hostileDesign, hostileAssets, target, { ...contactForm, successMessage: HOSTILE }),
      renderer.notice(null, hostileAssets, target, { title: HOSTILE, message: HOSTILE, items: [HOSTILE] }),
    ].map((page) => page.html);
    for (const html of pages) {
      const tags = auditTags(html);
      expect(tags.filter((t) => Object.keys(t.attributes).some((a) => a.startsWith('on')))).toEqual([]);
      expect(tags.filter((t) => t.name === 'img' && t.attributes.src === 'x')).toEqual([]);
      expect(unsafeUrlAttributes(tags)).toEqual([]);
      // Only the renderer's own scripts: the config JSON, the client script and inert consent scripts.
      const scripts = tags.filter((t) => t.name === 'script');
      expect(scripts.filter((s) => !['application/json', 'text/plain', undefined].includes(s.attributes.type))).toEqual(
        [],
      );
      expect(scripts.filter((s) => s.attributes.src !== undefined)).toEqual([]);
      expect(html).not.toContain('<script>alert');
      expect(html).not.toMatch(/<\/style>\s*<script>alert/);
      expect(html).toContain(ESCAPED);
    }
  });

  it('shows the staging banner with the version, and never indexes staging', () => {
    const { html } = renderer.page('page', { title: 'Home', path: '/', blocks: [] }, designOf([]), hostileAssets, {
      base: '/preview/acme',
      env: 'staging',
      stagingVersion: 12,
    });
    expect(html).toContain('Staging preview · version 12');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('marks a page noindex on production when the page or the site asks for it, and only then', () => {
    const robots = '<meta name="robots" content="noindex, nofollow">';
    const render = (seo: Record<string, unknown>, settings: Record<string, unknown>) =>
      renderer.page(
        'page',
        { title: 'Home', path: '/', blocks: [], seo },
        designOf([{ type: 'site_settings', key: 'default', body: settings }]),
        hostileAssets,
        target,
      ).html;
    expect(render({ noindex: true }, {})).toContain(robots);
    expect(render({}, { noindex: true })).toContain(robots);
    expect(render({}, {})).not.toContain(robots);
  });

  it('offers a client "Approve this version" with the fingerprint shown, on pages only, escaped', () => {
    const client = {
      base: '/preview/acme',
      env: 'staging' as const,
      stagingVersion: 12,
      approval: { fingerprint: 'c9-h4"><script>x</script>', action: '/preview/acme/approvals' },
    };
    const { html } = renderer.page(
      'page',
      { title: 'Home', path: '/', blocks: [] },
      designOf([]),
      hostileAssets,
      client,
    );
    expect(html).toContain('<form method="post" action="/preview/acme/approvals">');
    expect(html).toContain(
      '<input type="hidden" name="fingerprint" value="c9-h4&quot;&gt;&lt;script&gt;x&lt;/script&gt;">',
    );
    expect(html).toContain('<summary>Approve this version</summary>');
    const notice = renderer.notFound(designOf([]), hostileAssets, client).html;
    expect(notice).toContain('Staging preview · version 12');
    expect(notice).not.toContain('Approve this version');
    const production = renderer.page('page', { title: 'Home', path: '/', blocks: [] }, designOf([]), hostileAssets, {
      ...client,
      env: 'production',
    }).html;
    expect(production).not.toContain('Approve this version');
  });

  it('gives a clean maintenance page by default and the site’s own when it sets one', () => {
    expect(renderer.maintenance(null, target).html).toContain('<h1>Back soon</h1>');
    const { html: own } = renderer.maintenance(
      designOf([
        {
          type: 'site_settings',
          key: 'default',
          body: { maintenancePage: { title: 'Brewing', message: 'Ten minutes.' } },
        },
      ]),
      target,
    );
    expect(own).toContain('<h1>Brewing</h1>');
    expect(own).toContain('<p>Ten minutes.</p>');
    expect(own).not.toContain('<script');
  });

  describe('html blocks and the Content-Security-Policy', () => {
    const HOSTILE_HTML =
      '<p class="note">Hi <b>there</b></p><script>window.x=1</script><img src="/a.png" onerror="alert(1)">';
    const design = designOf([
      {
        type: 'consent_rule',
        key: 'ads',
        body: { category: 'ads', scripts: [{ src: 'https://ads.example/tag.js' }, { src: '/local.js' }] },
      },
      { type: 'stylesheet', key: 'a', body: { css: '.note{color:teal}' } },
    ]);
    const withHtml = (trusted: boolean) =>
      renderer.page(
        'page',
        { title: 'Home', path: '/', blocks: [{ id: 'x', type: 'html', html: HOSTILE_HTML }] },
        design,
        hostileAssets,
        { ...target, trustedCustomCode: trusted },
      );
    const inline = (html: string, tag: 'script' | 'style') =>
      [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
    const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

    it('sanitises an html block unless the site trusts its custom code', () => {
      const { html } = withHtml(false);
      expect(html).toContain('<p class="note">Hi <b>there</b></p>');
      expect(html).toContain('<img src="/a.png" />');
      expect(html).not.toContain('window.x=1');
      expect(html).not.toContain('onerror');
      expect(withHtml(true).html).toContain(HOSTILE_HTML);
    });

    it('allows exactly the page’s own inline script and style by hash, and its consent scripts by origin', () => {
      const { html, contentSecurityPolicy: csp } = withHtml(false);
      const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      const [script] = inline(html, 'script');
      const [style] = inline(html, 'style');
      expect(directives['script-src']).toEqual([sha256(script), 'https://ads.example', "'self'"]);
      expect(directives['style-src']).toEqual([sha256(style)]);
      expect(style).toContain('.note{color:teal}');
      expect(directives['default-src']).toEqual(["'none'"]);
      expect(directives['img-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'self'"]);
      expect(csp).not.toContain('unsafe-inline');
    });

    it('relaxes the policy only on trusted pages that carry custom code', () => {
      expect(withHtml(true).contentSecurityPolicy).toContain("script-src 'self' 'unsafe-inline' https:");
      expect(withHtml(true).contentSecurityPolicy).toContain("frame-ancestors 'self'");
      const plain = renderer.page('page', { title: 'Home', path: '/', blocks: [] }, design, hostileAssets, {
        ...target,
        trustedCustomCode: true,
      });
      expect(plain.contentSecurityPolicy).not.toContain('unsafe-inline');
    });

    it('lets a page without chrome run no script at all', () => {
      expect(renderer.maintenance(null, target).contentSecurityPolicy).toContain("script-src 'none'");
    });
  });

  it('writes a sitemap with escaped URLs', () => {
    const xml = renderer.sitemap(['https://a.example/x?a=1&b=<2>']);
    expect(xml).toContain('<loc>https://a.example/x?a=1&amp;b=&lt;2&gt;</loc>');
  });
});

describe('component templates (Liquid)', () => {
  const page = (props: object): PageBody => ({
    title: 'Shop',
    path: '/shop',
    blocks: [{ id: 'card', type: 'component', component: 'card', props }],
  });
  const designWith = (templates: Record<string, string>) =>
    designOf([
      { type: 'site_settings', key: 'default', body: { title: 'Acme' } },
      ...Object.entries(templates).map(([key, template]) => ({
        type: 'component_override',
        key,
        body: { component: 'card', props: { tone: 'warm' }, template },
      })),
    ]);
  const render = (design: ReturnType<typeof designWith>, props: object, trusted = false) =>
    renderer.page('page', page(props), design, hostileAssets, { ...target, trustedCustomCode: trusted }).html;

  it("renders the override's markup with its props (escaped), partials of other components, and the site title", () => {
    const design = designWith({
      card: `<div class="card {{ props.tone }}"><h3>{{ props.title }}</h3>{% render 'price', amount: props.price %}<small>{{ site.title }}</small></div>`,
      price: '<span class="price">{{ amount }}</span>',
    });
    const html = render(design, { title: HOSTILE, price: '4.50' });
    expect(html).toContain('<div class="card warm"><h3>&lt;/title&gt;');
    expect(html).toContain('<span class="price">4.50</span><small>Acme</small>');
    expect(html).not.toContain('<script>alert');
    expect(auditTags(html).some((tag) => Object.keys(tag.attributes).some((a) => a.startsWith('on')))).toBe(false);
  });

  it('sanitises the markup like an html block unless the site trusts its custom code', () => {
    const design = designWith({ card: '<p>{{ props.title }}</p><script>track()</script>' });
    expect(render(design, { title: 'Hi' })).not.toContain('track()');
    expect(render(design, { title: 'Hi' }, true)).toContain('<script>track()</script>');
  });

  it('refuses to render a page whose template fails: a missing partial, a runaway loop, no file system', () => {
    const design = designWith({
      card: `{% if props.variant %}{% render props.variant %}{% endif %}{% for i in (1..props.count) %}{{ i }}{% endfor %}`,
    });
    expect(render(design, { count: 3 })).toContain('123');
    expect(() => render(design, { variant: 'wide' })).toThrow(TemplateRenderError);
    expect(() => render(design, { variant: 'wide' })).toThrow(/component card .*Failed to lookup "wide"/);
    expect(() => render(design, { variant: '/etc/passwd' })).toThrow(TemplateRenderError);
    expect(() => render(design, { count: 100_000_000 })).toThrow(/component card .*limit exceeded/);
  });

  it("bounds what all of a page's templates build together, not only each one", () => {
    const design = designWith({ card: `{% for i in (1..1000) %}0123456789{% endfor %}` });
    const blocks = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `c${i}`, type: 'component', component: 'card' }));
    const many = (n: number) =>
      renderer.page('page', { ...page({}), blocks: blocks(n) }, design, hostileAssets, target);
    expect(many(3).html).toContain('0123456789'.repeat(1000));
    // 10,000 characters a block: 1,000 blocks would be 10 MB of markup, past the page's 5 million characters.
    expect(() => many(1000)).toThrow(TemplateRenderError);
  });
});
