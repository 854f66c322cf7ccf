import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveHost, type ResolvedAddress } from './webhook-address';
import { signatureHeader } from './webhook-signature';

/** A receiver has this long to answer; a slow one is retried like a failing one. */
export const DELIVERY_TIMEOUT_MS = 10_000;
// What is kept of an answer: enough to read an error message, never a whole page.
const EXCERPT_CHARS = 500;
const READ_BYTES = 4096;

export interface Outgoing {
  url: string;
  secret: string;
  deliveryId: string;
  event: string;
  body: string;
  allowPrivate: boolean;
}

export interface SendOutcome {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/** Connects to the address that was checked, whatever the name resolves to by then (no DNS rebinding). */
const pinnedTo =
  ({ address, family }: ResolvedAddress): LookupFunction =>
  (_host, options, callback) =>
    options.all ? callback(null, [{ address, family }]) : callback(null, address, family);

// Error texts name codes and addresses, never the URL: a receiver's URL may carry its own secret (a path token).
function describe(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return `${e.code ?? e.name ?? 'Error'}: ${e.message ?? ''}`.slice(0, 300);
}

const excerpt = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .slice(0, EXCERPT_CHARS) || null;

/**
 * One attempt: the host is resolved and checked again now (a name may point elsewhere than when the webhook
 * was made), the connection goes to that checked address, redirects are not followed, and the signature
 * covers this attempt's timestamp and the exact body. Never throws: every outcome is an attempt to record.
 */
export async function sendWebhook(out: Outgoing): Promise<SendOutcome> {
  const startedAt = new Date();
  const done = (result: Omit<SendOutcome, 'startedAt' | 'durationMs'>): SendOutcome => ({
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    ...result,
  });
  const target = new URL(out.url);
  const resolved = await resolveHost(target.hostname, out.allowPrivate);
  if ('refusal' in resolved)
    return done({
      statusCode: null,
      responseExcerpt: null,
      error:
        resolved.refusal.reason === 'private'
          ? `refused: the host resolves to a private address (${resolved.refusal.address})`
          : 'the host does not resolve',
    });
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        agent: false, // a fresh connection each time, so a kept-alive socket cannot skip the address check
        lookup: pinnedTo(resolved.addresses[0]),
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(out.body),
          'User-Agent': 'Promote-Webhooks/1',
          'Promote-Event': out.event,
          'Promote-Delivery': out.deliveryId,
          'Promote-Signature': signatureHeader(out.secret, out.body, new Date()),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const finish = () => {
          response.destroy();
          const statusCode = response.statusCode ?? null;
          const redirect = statusCode !== null && statusCode >= 300 && statusCode < 400;
          resolve(
            done({
              statusCode,
              error: redirect ? 'redirects are not followed' : null,
              responseExcerpt: excerpt(Buffer.concat(chunks)),
            }),
          );
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          read += chunk.length;
          if (read >= READ_BYTES) finish();
        });
        response.on('end', finish);
        response.on('error', finish);
      },
    );
    request.on('error', (error) => resolve(done({ statusCode: null, error: describe(error), responseExcerpt: null })));
    request.end(out.body);
  });
}

/** 2xx, and only 2xx, is a delivery. */
export const delivered = (outcome: SendOutcome): boolean =>
  outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
