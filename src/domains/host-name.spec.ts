import { normalizeHost, requestHost } from './host-name';

describe('host names', () => {
  it.each([
    ['www.Example.COM', 'www.example.com'],
    ['shop.example.com.', 'shop.example.com'],
    ['acme.localhost', 'acme.localhost'],
    ['café.example', 'xn--caf-dma.example'],
  ])('normalizes %s', (raw, host) => {
    expect(normalizeHost(raw)).toBe(host);
  });

  it.each([
    'localhost',
    'example.com:8080',
    '127.0.0.1',
    'http://example.com',
    '-bad.example.com',
    'a..example.com',
    'exa mple.com',
    'user@example.com',
    `${'a'.repeat(64)}.example.com`,
    '',
  ])('refuses %j', (raw) => {
    expect(normalizeHost(raw)).toBeNull();
  });

  it('reads request hosts that could be a domain', () => {
    expect(requestHost('WWW.Example.com')).toBe('www.example.com');
    expect(requestHost('127.0.0.1')).toBeNull();
    expect(requestHost('localhost')).toBeNull();
    expect(requestHost('[::1]')).toBeNull();
    expect(requestHost(undefined)).toBeNull();
  });
});
