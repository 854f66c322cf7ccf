const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values (the templates always quote attributes).
 * null and undefined render as nothing rather than as the words "null" or "undefined".
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : text;
}

const SCRIPT_JSON_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON that is safe inside a <script> element: no "</script>", no "<!--", no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_JSON_ESCAPES[c]);
}

/**
 * CSS that cannot leave its <style> element: '<' only ever matters to the HTML parser ("</style>"), and the
 * CSS escape \3c keeps its meaning inside CSS strings.
 */
export function cssForStyleElement(css: string): string {
  return css.replace(/</g, '\\3c ');
}
