import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * A webhook receiver on loopback: every request is kept, and each path answers as its script says (the status
 * of the n-th request to it; the last status repeats).
 */
export async function startReceiver(): Promise<{
  url: (path: string) => string;
  script: (path: string, statuses: number[]) => void;
  received: (path?: string) => Received[];
  close: () => Promise<void>;
}> {
  const scripts = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const all: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = counts.get(path) ?? 0;
      counts.set(path, n + 1);
      const statuses = scripts.get(path) ?? [200];
      const answered = statuses[Math.min(n, statuses.length - 1)];
      all.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString(), answered });
      res.writeHead(answered, { 'Content-Type': 'text/plain' }).end(answered >= 400 ? '<b>down</b> for now' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    script: (path, statuses) => scripts.set(path, statuses),
    received: (path) => all.filter((r) => path === undefined || r.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does with Promote-Signature: recompute the HMAC of "<t>.<body>" and compare in constant time. */
export function verifySignature(header: string | string[] | undefined, body: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header ?? ''));
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}
