import { mediaUrl, safeHref, safeRedirectLocation } from './safe-url';

describe('safeHref', () => {
  it.each([
    ['/about', '/sites/acme/about'],
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTP://EXAMPLE.COM', 'HTTP://EXAMPLE.COM'],
    ['mailto:hello@example.com', 'mailto:hello@example.com'],
    ['tel:+3212345678', 'tel:+3212345678'],
    ['#top', '#top'],
    ['contact', 'contact'],
    ['?page=2', '?page=2'],
  ])('keeps %s', (raw, expected) => {
    expect(safeHref(raw, '/sites/acme')).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x',
    '/\\evil.example',
    'https://',
    'http://exa mple.com',
    'ftp://example.com/file',
    '',
    'x'.repeat(2001),
  ])('refuses %j', (raw) => {
    expect(safeHref(raw, '/base')).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(safeHref(undefined)).toBeNull();
    expect(safeHref({ href: '/x' })).toBeNull();
  });
});

describe('safeRedirectLocation', () => {
  it('prefixes local paths with the base path and percent-encodes what a header cannot carry', () => {
    expect(safeRedirectLocation('/new', '/sites/acme')).toBe('/sites/acme/new');
    expect(safeRedirectLocation('/café', '')).toBe('/caf%C3%A9');
    expect(safeRedirectLocation('https://shop.example.com/ü', '')).toBe('https://shop.example.com/%C3%BC');
  });

  it.each([
    'javascript:alert(1)',
    'mailto:a@example.com',
    '//evil.example',
    '/\\evil.example',
    'relative',
    '/x\r\nSet-Cookie: a=b',
  ])('refuses %j', (raw) => {
    expect(safeRedirectLocation(raw, '')).toBeNull();
  });
});

describe('mediaUrl', () => {
  it('versions the URL by the sha256 and encodes the key', () => {
    expect(mediaUrl('/sites/a', 'hero.png', 'ab'.repeat(32))).toBe(`/sites/a/media/hero.png?v=${'ab'.repeat(8)}`);
  });
});
