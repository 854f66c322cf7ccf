import { cssForStyleElement, escapeHtml, jsonForScript } from './escape';

describe('escaping', () => {
  it('escapes the five HTML metacharacters and renders null as nothing', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('keeps JSON inside a script element', () => {
    const json = jsonForScript({ text: '</script><!--<script>\u2028&' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: '</script><!--<script>\u2028&' });
  });

  it('keeps CSS inside its style element', () => {
    expect(cssForStyleElement('a{}</style><script>x</script>')).not.toContain('<');
  });
});
