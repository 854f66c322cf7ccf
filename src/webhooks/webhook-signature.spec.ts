import { createHmac } from 'node:crypto';
import { newWebhookSecret, signatureHeader } from './webhook-signature';

describe('signatureHeader', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 under the secret, t in unix seconds', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const header = signatureHeader('whsec_test', '{"a":1}', at);
    const t = Math.floor(at.getTime() / 1000);
    const expected = createHmac('sha256', 'whsec_test').update(`${t}.{"a":1}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it('changes with the body, the time and the secret', () => {
    const at = new Date();
    const base = signatureHeader('s1', 'body', at);
    expect(signatureHeader('s2', 'body', at)).not.toBe(base);
    expect(signatureHeader('s1', 'body!', at)).not.toBe(base);
    expect(signatureHeader('s1', 'body', new Date(at.getTime() + 1000))).not.toBe(base);
  });
});

describe('newWebhookSecret', () => {
  it('is long, url-safe and different every time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
