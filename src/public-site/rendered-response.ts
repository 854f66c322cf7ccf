import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RenderedPage } from '../../libs/site-renderer';

/** A response of the public site as the render cache keeps it: encoded and compressed once, sent many times. */
export interface RenderedResponse {
  status: number;
  contentType: string;
  /** The bytes as kept: gzip-compressed when `gzipped` (a page shrinks about tenfold). */
  body: Buffer;
  gzipped: boolean;
  /** Weak: the same validator for the compressed and the plain representation. */
  etag: string;
  location?: string;
  /** The page's own policy (hashes of its inline script and style), computed once at render. */
  contentSecurityPolicy: string;
}

const HTML = 'text/html; charset=utf-8';
// Below this, gzip's header and CPU cost more than they save.
const GZIP_MIN_BYTES = 1024;
// What is not a rendered document (robots.txt, sitemap.xml, a redirect's note) runs nothing and loads nothing.
export const INERT_CSP = "default-src 'none'; frame-ancestors 'self'";

export function rendered(
  status: number,
  contentType: string,
  text: string,
  extra: { location?: string; contentSecurityPolicy?: string } = {},
): RenderedResponse {
  const raw = Buffer.from(text);
  // md5 is fine for a validator (no security meaning) and fast.
  const etag = `W/"${createHash('md5').update(raw).digest('base64url')}"`;
  const gzipped = raw.length >= GZIP_MIN_BYTES;
  return {
    status,
    contentType,
    body: gzipped ? gzipSync(raw) : raw,
    gzipped,
    etag,
    location: extra.location,
    contentSecurityPolicy: extra.contentSecurityPolicy ?? INERT_CSP,
  };
}

/** A rendered HTML document, kept with its Content-Security-Policy. */
export function renderedPage(status: number, page: RenderedPage): RenderedResponse {
  return rendered(status, HTML, page.html, { contentSecurityPolicy: page.contentSecurityPolicy });
}

/** Sends a rendered response with its caching, validator and security headers (304 when the client has it). */
export function sendRendered(
  request: Request,
  response: Response,
  page: RenderedResponse,
  how: { staging: boolean; cached: boolean },
): void {
  // Production pages revalidate (a promotion may swap them at any moment); staging is never stored.
  response.setHeader(
    'Cache-Control',
    page.status === 503 ? 'no-store' : how.staging ? 'private, no-store' : 'no-cache',
  );
  response.setHeader('X-Content-Type-Options', 'nosniff');
  setFramingAndScriptPolicy(response, page.contentSecurityPolicy);
  response.setHeader('Referrer-Policy', how.staging ? 'no-referrer' : 'strict-origin-when-cross-origin');
  if (how.staging) response.setHeader('X-Robots-Tag', 'noindex, nofollow');
  response.setHeader('X-Render-Cache', how.cached ? 'hit' : 'miss');
  if (page.location) response.setHeader('Location', page.location);
  response.setHeader('ETag', page.etag);
  response.setHeader('Vary', 'Accept-Encoding');
  if (page.status === 200 && matchesEtag(request, page.etag)) {
    response.status(304).end();
    return;
  }
  const { body, gzip } = encodedFor(request, page);
  response.status(page.status);
  response.setHeader('Content-Type', page.contentType);
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Content-Length', String(body.length));
  response.end(body);
}

/** A page's CSP, and frame protection for browsers without CSP's frame-ancestors (same origin: the console). */
export function setFramingAndScriptPolicy(response: Response, contentSecurityPolicy: string): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Frame-Options', 'SAMEORIGIN');
}

/** The bytes to send and their encoding: as kept for a client that takes gzip, else decompressed. */
function encodedFor(request: Request, page: RenderedResponse): { body: Buffer; gzip: boolean } {
  if (!page.gzipped) return { body: page.body, gzip: false };
  return acceptsGzip(request) ? { body: page.body, gzip: true } : { body: gunzipSync(page.body), gzip: false };
}

/** If-None-Match against a weak ETag (weak comparison, RFC 9110 §13.1.2). */
function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

function acceptsGzip(request: Request): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b/i.test(header) && !/\bgzip\s*;\s*q=0(?:\.0*)?\s*(?:,|$)/i.test(header);
}

export const sizeOfRendered = (r: RenderedResponse): number => r.body.length + r.contentSecurityPolicy.length + 200;
