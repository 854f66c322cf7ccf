import { CONTENT_TYPES, type ContentType } from './content-types';
import { validateContent } from './validate-content';

const MINIMAL_BODIES: Record<ContentType, Record<string, unknown>> = {
  page: { title: 'Home', path: '/', blocks: [] },
  post: { title: 'First roast', path: '/blog/first-roast', blocks: [] },
  theme: {},
  stylesheet: { css: 'body { margin: 0 }' },
  layout: {},
  component_override: {},
  custom_object_type: { name: 'Product' },
  custom_field: { objectType: 'product', name: 'price', fieldType: 'number' },
  custom_object: { objectType: 'product', values: {} },
  form: { title: 'Contact', fields: [] },
  popup: {},
  integration: {},
  site_settings: {},
  redirect: { from: '/old', to: '/new', status: 301 },
  robots_txt: { body: 'User-agent: *\nAllow: /\n' },
  consent_rule: {},
  media: { sha256: 'a'.repeat(64), size: 0, contentType: 'image/png' },
};

function errorsOf(type: ContentType, data: unknown) {
  const result = validateContent(type, data);
  if (result.ok) throw new Error(`expected ${type} body to be refused`);
  return result.errors;
}

const page = (extra: Record<string, unknown> = {}) => ({ title: 'About', path: '/about', blocks: [], ...extra });

describe('validateContent', () => {
  it.each(CONTENT_TYPES)('accepts a minimal %s and keeps unknown fields', (type) => {
    const body = { ...MINIMAL_BODIES[type], vendorExtension: { nested: [1, 'two'] } };
    const result = validateContent(type, body);
    expect(result).toEqual({ ok: true, data: body });
  });

  it('accepts richer bodies of every documented shape', () => {
    const bodies: [ContentType, unknown][] = [
      [
        'page',
        page({
          layout: 'main',
          summary: 'Who we are',
          seo: { title: 'About', description: 'About us', ogImage: 'hero.png' },
          blocks: [
            { id: 'h1', type: 'heading', text: 'About', level: 1 },
            { id: 't1', type: 'text', text: 'We roast.' },
            { id: 'i1', type: 'image', media: 'hero.png', alt: 'Beans' },
            { id: 'f1', type: 'form', form: 'contact' },
            { id: 'x1', type: 'html', html: '<hr>' },
            { id: 'c1', type: 'component', component: 'navbar', props: { sticky: true } },
            { id: 'q1', type: 'quote', text: 'Coffee first', extra: [1] },
          ],
        }),
      ],
      ['theme', { colors: { primary: '#6f4e37', text: 'rgb(20, 20, 20)' }, fonts: { body: '"Inter", sans-serif' } }],
      ['layout', { header: [{ type: 'component', component: 'site-header' }], footer: [{ type: 'text', text: '©' }] }],
      ['component_override', { component: 'navbar', props: { links: 3 } }],
      ['form', { title: 'Contact', fields: [{ name: 'topic', type: 'select', label: 'Topic', options: ['Beans'] }] }],
      ['popup', { title: 'Join', body: 'Get 10% off', form: 'newsletter', trigger: { on: 'delay', delaySeconds: 5 } }],
      ['integration', { kind: 'webhook', url: 'https://hooks.example.com/in?x=1' }],
      [
        'site_settings',
        {
          title: 'Acme',
          description: 'Coffee',
          canonicalBase: 'https://www.example.com',
          ogImage: 'hero.png',
          maintenancePage: { title: 'Back soon', message: 'We are updating the site.' },
        },
      ],
      ['consent_rule', { category: 'analytics', scripts: [{ src: 'https://a.example.com/a.js' }], bannerText: 'Ok?' }],
      ['redirect', { from: '/old', to: 'https://example.com/new?a=1#top', status: 308 }],
      ['media', { sha256: 'f'.repeat(64), size: 12, contentType: 'image/svg+xml', alt: 'Logo', filename: 'logo.svg' }],
    ];
    for (const [type, body] of bodies) expect(validateContent(type, body)).toMatchObject({ ok: true });
  });

  it('does not mutate its input', () => {
    const body = page({ blocks: [{ type: 'text', text: 'hi' }] });
    const copy = structuredClone(body);
    validateContent('page', body);
    expect(body).toEqual(copy);
  });

  it.each([null, 'page', 42, [], true])('refuses non-object data %p at data', (data) => {
    expect(errorsOf('page', data)).toEqual([{ path: 'data', message: 'must be an object' }]);
  });

  it("accepts a component's Liquid template and refuses one that does not parse, at data.template", () => {
    const ok = validateContent('component_override', {
      component: 'card',
      template: "<div>{{ props.title | upcase }}{% render 'price', amount: props.price %}</div>",
    });
    expect(ok.ok).toBe(true);
    for (const template of ['{% if props.x %}open', '{{ props.title | no_such_filter }}', '{% nosuchtag %}']) {
      const result = validateContent('component_override', { component: 'card', template });
      expect(result).toEqual({
        ok: false,
        errors: [{ path: 'data.template', message: expect.stringMatching(/^is not a valid Liquid template: /) }],
      });
    }
  });

  it('reports a missing title at data.title', () => {
    expect(errorsOf('page', { path: '/about', blocks: [] })).toEqual([{ path: 'data.title', message: 'is required' }]);
  });

  it.each(['', '   ', 'x'.repeat(501), 7])('refuses the title %p', (title) => {
    expect(errorsOf('post', page({ title }))).toEqual([
      { path: 'data.title', message: 'must be a non-empty string of at most 500 characters' },
    ]);
  });

  it('reports a bad heading level at its block', () => {
    const blocks = [
      { type: 'text', text: 'ok' },
      { type: 'heading', text: 'Too deep', level: 7 },
    ];
    expect(errorsOf('page', page({ blocks }))).toEqual([
      { path: 'data.blocks[1].level', message: 'must be an integer between 1 and 6' },
    ]);
  });

  it('reports block problems only for the branch that the block type selects', () => {
    const blocks = [{ type: 'image', alt: 'x' }, { text: 'no type' }, 'nope', { type: 'form', form: 'Bad Key' }];
    expect(errorsOf('page', page({ blocks }))).toEqual([
      { path: 'data.blocks[0].media', message: 'is required' },
      { path: 'data.blocks[1].type', message: 'is required' },
      { path: 'data.blocks[2]', message: 'must be an object' },
      { path: 'data.blocks[3].form', message: expect.stringMatching(/^must be the key of a form/) },
    ]);
  });

  it.each(['about', '/a b', '/a/../b', '/..', '/a?b=1', '/a#b', '/a\\b', '/a\u0000', '/a\tb', `/${'a'.repeat(2000)}`])(
    'refuses the page path %p',
    (path) => {
      expect(errorsOf('page', page({ path }))).toEqual([
        { path: 'data.path', message: expect.stringMatching(/^must be a path starting with '\/'/) },
      ]);
    },
  );

  it.each(['/', '/about', '/blog/first-roast/', '/caf%C3%A9', '/café', '/a/..b/c.d'])(
    'accepts the page path %p',
    (path) => {
      expect(validateContent('page', page({ path }))).toMatchObject({ ok: true });
    },
  );

  it('refuses a select without options at its path', () => {
    const fields = [
      { name: 'email', type: 'email', label: 'Email', required: true },
      { name: 'topic', type: 'select', label: 'Topic' },
      { name: 'size', type: 'select', options: [] },
    ];
    expect(errorsOf('form', { title: 'Contact', fields })).toEqual([
      { path: 'data.fields[1].options', message: 'is required' },
      { path: 'data.fields[2].options', message: 'must contain at least 1 item' },
    ]);
  });

  it('refuses an unknown form field type, naming the allowed ones', () => {
    expect(errorsOf('form', { title: 'Contact', fields: [{ name: 'c', type: 'color' }] })).toEqual([
      { path: 'data.fields[0].type', message: 'must be one of: text, email, tel, number, textarea, checkbox, select' },
    ]);
  });

  it('refuses duplicate form field names at the second one', () => {
    const fields = [
      { name: 'email', type: 'email' },
      { name: 'name', type: 'text' },
      { name: 'email', type: 'text' },
    ];
    expect(errorsOf('form', { title: 'Contact', fields })).toEqual([
      { path: 'data.fields[2].name', message: 'must be unique: data.fields[0] has the same name' },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.com/x',
    '//evil.example.com',
    '/\\evil.example.com',
    'https://user@evil.example.com',
    'https:///nohost',
    'about',
    ' /about',
  ])('refuses the redirect target %p', (to) => {
    expect(errorsOf('redirect', { from: '/old', to, status: 301 })).toEqual([
      { path: 'data.to', message: expect.stringMatching(/^must be a path starting with '\/' or an absolute http/) },
    ]);
  });

  it.each(['/', '/about', '/search?q=beans#results', 'https://example.com', 'http://example.com:8080/a?b#c'])(
    'accepts the redirect target %p',
    (to) => {
      expect(validateContent('redirect', { from: '/old', to, status: 302 })).toMatchObject({ ok: true });
    },
  );

  it('refuses redirect status 303', () => {
    expect(errorsOf('redirect', { from: '/old', to: '/new', status: 303 })).toEqual([
      { path: 'data.status', message: 'must be one of 301, 302, 307 or 308' },
    ]);
  });

  it('refuses a redirect from a path without a leading slash', () => {
    expect(errorsOf('redirect', { from: 'old', to: '/new', status: 301 })).toEqual([
      { path: 'data.from', message: expect.stringMatching(/^must be a path starting with '\/'/) },
    ]);
  });

  it("lets an integration's destination differ per environment, and its secret only be a variable", () => {
    for (const url of [
      '{{env.CRM_URL}}',
      'https://{{ env.CRM_HOST }}/hooks',
      'https://crm.example/in/{{env.PATH_TOKEN}}',
    ])
      expect(validateContent('integration', { url, secret: '{{env.CRM_SECRET}}' }).ok).toBe(true);
    for (const url of ['{{env.lower}}', 'ftp://{{env.HOST}}', 'https://a b/{{env.A}}', '//{{env.HOST}}'])
      expect(errorsOf('integration', { url })[0]?.path).toBe('data.url');
    expect(errorsOf('integration', { secret: 'sk_live_123' })).toEqual([
      {
        path: 'data.secret',
        message: 'must be a {{env.NAME}} reference to an environment variable (a secret is never stored in content)',
      },
    ]);
  });

  it('refuses non-http URLs and CSS break-outs in the other types', () => {
    expect(errorsOf('integration', { url: 'javascript:alert(1)' })).toEqual([
      {
        path: 'data.url',
        message:
          'must be an absolute http:// or https:// URL of at most 2000 characters, which may use {{env.NAME}} variables',
      },
    ]);
    expect(errorsOf('consent_rule', { scripts: [{ src: 'data:text/javascript,alert(1)' }] })[0].path).toBe(
      'data.scripts[0].src',
    );
    expect(errorsOf('theme', { colors: { primary: 'red; } body { display: none' } })[0].path).toBe(
      'data.colors.primary',
    );
    expect(errorsOf('site_settings', { canonicalBase: 'www.example.com' })[0].path).toBe('data.canonicalBase');
  });

  it.each(['image/png\r\n', 'image/png\r\n;x', 'image/png;\r\nX-Evil: 1', 'image/png; a=\u0000', 'image/png;\tq=1'])(
    'refuses a media type with control characters: %j',
    (contentType) => {
      expect(errorsOf('media', { sha256: 'a'.repeat(64), size: 1, contentType })).toEqual([
        { path: 'data.contentType', message: expect.stringContaining('without control characters') },
      ]);
    },
  );

  it('keeps printable parameters and the inline flag of a media body', () => {
    const body = { sha256: 'a'.repeat(64), size: 1, contentType: 'application/pdf; name="a b"', inline: true };
    expect(validateContent('media', body)).toEqual({ ok: true, data: body });
    expect(errorsOf('media', { ...body, inline: 'yes' })).toEqual([
      { path: 'data.inline', message: 'must be true or false' },
    ]);
  });

  it('reports type-specific problems with readable messages', () => {
    expect(errorsOf('media', { sha256: 'xyz', size: -1, contentType: 'png' })).toEqual([
      { path: 'data.sha256', message: 'must be 64 lowercase hexadecimal characters' },
      { path: 'data.size', message: 'must be at least 0' },
      { path: 'data.contentType', message: 'must be a media type such as image/png, without control characters' },
    ]);
    expect(errorsOf('custom_field', { objectType: 'product', name: 'x', fieldType: 'colour' })).toEqual([
      {
        path: 'data.fieldType',
        message: 'must be one of: text, number, boolean, date, url, email, richtext, select, media, reference',
      },
    ]);
    expect(errorsOf('custom_object', { objectType: 'product', values: [] })).toEqual([
      { path: 'data.values', message: 'must be an object' },
    ]);
    expect(errorsOf('robots_txt', { body: 'x'.repeat(100_001) })).toEqual([
      { path: 'data.body', message: 'must be at most 100000 characters long' },
    ]);
    expect(errorsOf('stylesheet', {})).toEqual([{ path: 'data.css', message: 'is required' }]);
  });

  it('quotes property names that are not identifiers in paths', () => {
    expect(errorsOf('theme', { colors: { 'brand color': 5 } })).toEqual([
      { path: 'data.colors["brand color"]', message: expect.stringMatching(/^must be a CSS value/) },
    ]);
  });

  it('refuses a type that does not exist', () => {
    expect(validateContent('widget' as ContentType, {})).toEqual({
      ok: false,
      errors: [{ path: 'type', message: expect.stringMatching(/^must be one of: page, post/) }],
    });
  });
});
