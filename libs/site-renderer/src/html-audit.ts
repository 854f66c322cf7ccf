/** One start tag of a document: its name and attributes, values unescaped only as far as the test needs. */
export interface AuditedTag {
  name: string;
  attributes: Record<string, string>;
}

// Every attribute the renderer writes is double-quoted and every interpolated value is escaped, so in its
// output a raw '<' always starts a tag and a raw '"' always delimits a value; this scanner relies on that.
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:="([^"]*)")?/g;

/**
 * Lists the start tags of rendered HTML, for tests that check what a hostile body could not inject: extra
 * script tags, event-handler attributes, javascript: URLs. The contents of <script> and <style> are skipped.
 */
export function auditTags(html: string): AuditedTag[] {
  const tags: AuditedTag[] = [];
  const text = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  for (const match of text.matchAll(TAG)) {
    const attributes: Record<string, string> = {};
    for (const attr of match[2].matchAll(ATTRIBUTE)) attributes[attr[1].toLowerCase()] = attr[2] ?? '';
    tags.push({ name: match[1].toLowerCase(), attributes });
  }
  return tags;
}

/** URL-valued attributes whose value a browser would run or send elsewhere (javascript:, data:, //host). */
export function unsafeUrlAttributes(tags: AuditedTag[]): string[] {
  const found: string[] = [];
  for (const tag of tags)
    for (const name of ['href', 'src', 'action', 'data-src', 'formaction']) {
      const value = tag.attributes[name];
      if (value === undefined) continue;
      const decoded = value
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"');
      if (/^\s*(?:javascript|data|vbscript):/i.test(decoded) || /^\s*[/\\]{2}/.test(decoded))
        found.push(`${tag.name}[${name}]=${value}`);
    }
  return found;
}
