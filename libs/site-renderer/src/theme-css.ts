import type { ThemeBody } from '../../content-model';

// The content schema refuses these characters in theme values already; checking again here keeps a body that
// reached a state some other way (an old revision, a direct SQL fix) from closing a declaration or the element.
const CSS_VALUE = /^[^;{}<>\\\u0000-\u001f]*$/;
const MAX_VALUE_LENGTH = 200;

/** The theme as CSS custom properties (--color-<name>, --font-<name>) on :root; unsafe values are left out. */
export function themeCss(theme: ThemeBody | null): string {
  if (!theme) return '';
  const declarations = [...declarationsOf('color', theme.colors), ...declarationsOf('font', theme.fonts)];
  return declarations.length ? `:root{${declarations.join(';')}}` : '';
}

function declarationsOf(prefix: string, values: unknown): string[] {
  if (typeof values !== 'object' || values === null) return [];
  const out: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const property = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    if (!property || typeof value !== 'string' || value.length > MAX_VALUE_LENGTH || !CSS_VALUE.test(value)) continue;
    out.push(`--${prefix}-${property}:${value}`);
  }
  return out;
}
