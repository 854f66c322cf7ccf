import { createHash } from 'node:crypto';

/** What one rendered document needs the browser to allow. */
export interface DocumentSources {
  /** The exact text of each inline <script> that runs (JSON data blocks do not count). */
  inlineScripts: readonly string[];
  /** The exact text of each <style> element. */
  inlineStyles: readonly string[];
  /** The src of every script the page may load (consent rules' scripts, gated or not). */
  scriptUrls: readonly string[];
  /** The site's owner trusts its custom code and this page has some (an html block): it runs as written. */
  customCode: boolean;
}

// Every page: no plugins, no <base> hijack, no framing by other sites (the console's previews are same-origin).
const ALWAYS = ["object-src 'none'", "frame-ancestors 'self'"];

/**
 * The Content-Security-Policy of a rendered page. The renderer's own inline script and style are allowed by
 * their sha256 (no nonce: a page is rendered once and served from the cache many times), media and forms by
 * the site's own origin, consent-rule scripts by their origin (they usually report to it too). Trusted
 * custom code cannot be hashed, so its pages allow inline code and https: sources instead.
 */
export function contentSecurityPolicy(sources: DocumentSources): string {
  if (sources.customCode)
    return [
      "default-src 'self' https:",
      "script-src 'self' 'unsafe-inline' https:",
      "style-src 'self' 'unsafe-inline' https:",
      "img-src 'self' data: https:",
      "font-src 'self' data: https:",
      "form-action 'self' https:",
      "base-uri 'self'",
      ...ALWAYS,
    ].join('; ');
  const origins = [...new Set(sources.scriptUrls.map(originOf))];
  const scriptSrc = [...sources.inlineScripts.map(hashSource), ...origins];
  const styleSrc = sources.inlineStyles.map(hashSource);
  return [
    "default-src 'none'",
    `script-src ${scriptSrc.length ? scriptSrc.join(' ') : "'none'"}`,
    `style-src ${styleSrc.length ? styleSrc.join(' ') : "'none'"}`,
    "img-src 'self'",
    "media-src 'self'",
    "font-src 'self'",
    `connect-src ${["'self'", ...origins.filter((o) => o !== "'self'")].join(' ')}`,
    "form-action 'self'",
    "base-uri 'none'",
    ...ALWAYS,
  ].join('; ');
}

/** The CSP source that allows exactly this inline script or style. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// safe-url lets through only local paths, relative paths and http(s) URLs, so anything not absolute is ours.
function originOf(url: string): string {
  return /^https?:\/\//i.test(url) ? new URL(url).origin : "'self'";
}
