import { KEY_MAX_LENGTH, KEY_PATTERN, validateKey } from './keys';

describe('validateKey', () => {
  it.each(['home', 'about-us', 'hero.png', 'a', '0', 'blog_2024.first-roast', 'x'.repeat(KEY_MAX_LENGTH)])(
    'accepts %p',
    (key) => {
      expect(validateKey(key)).toBeNull();
    },
  );

  it.each([
    ['', /must not be empty/],
    ['x'.repeat(5000), /at most 128 characters/],
    ['../etc/passwd', /must not contain '\.\.'/],
    ['a..b', /must not contain '\.\.'/],
    ["'; drop table content; --", /lowercase letters, digits/],
    ['about\u0000', /lowercase letters, digits/],
    ['line\nbreak', /lowercase letters, digits/],
    ['About', /lowercase letters, digits/],
    ['-leading-dash', /must start with/],
    ['.hidden', /must start with/],
    ['with space', /lowercase letters, digits/],
    ['slash/key', /lowercase letters, digits/],
    ['café', /lowercase letters, digits/],
  ])('refuses %p', (key, message) => {
    expect(validateKey(key)).toMatch(message);
  });

  it('exports the pattern for documentation', () => {
    expect(new RegExp(KEY_PATTERN).test('hero.png')).toBe(true);
    expect(KEY_MAX_LENGTH).toBe(128);
  });
});
