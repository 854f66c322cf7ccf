import { readFileSync } from 'node:fs';
import * as http from 'node:http';

/**
 * Visitors in their own process, so the benchmark's own work does not slow them: `concurrency` loops each
 * read a random page of a random site back to back, and every `postEvery`th request posts that site's form
 * (from its own address, as the per-IP limit expects of real visitors). Prints one JSON summary on SIGTERM.
 * Usage: node visitors.js <plan.json>, where the plan is a VisitorPlan.
 */
export interface VisitorPlan {
  base: string;
  concurrency: number;
  postEvery: number;
  sites: { slug: string; paths: string[]; form?: { key: string; data: Record<string, string | boolean> } }[];
}

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8')) as VisitorPlan;
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
const readMs: number[] = [];
const postMs: number[] = [];
const statuses: Record<string, number> = {};
let postsStored = 0;
let postsRefused = 0;
let requests = 0;
let stopping = false;
const started = performance.now();

function send(method: 'GET' | 'POST', path: string, body?: string, forwardedFor?: string) {
  return new Promise<{ status: number; text: string }>((resolve) => {
    const headers: http.OutgoingHttpHeaders = body
      ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
      : {};
    if (forwardedFor) headers['X-Forwarded-For'] = forwardedFor;
    const request = http.request(new URL(plan.base + path), { method, agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += method === 'POST' ? chunk : ''));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', () => resolve({ status: 0, text: '' }));
    request.end(body);
  });
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];

async function visitor(): Promise<void> {
  while (!stopping) {
    const site = pick(plan.sites);
    const n = ++requests;
    const t0 = performance.now();
    if (site.form && n % plan.postEvery === 0) {
      const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const { status, text } = await send(
        'POST',
        `/sites/${site.slug}/forms/${site.form.key}`,
        JSON.stringify(site.form.data),
        address,
      );
      postMs.push(performance.now() - t0);
      statuses[`POST ${status}`] = (statuses[`POST ${status}`] ?? 0) + 1;
      // Stored means the answer carried the submission's id; anything else is a refusal the visitor saw.
      if (status === 201 && /"id"/.test(text)) postsStored++;
      else postsRefused++;
    } else {
      const { status } = await send('GET', `/sites/${site.slug}${pick(site.paths)}`);
      readMs.push(performance.now() - t0);
      statuses[`GET ${status}`] = (statuses[`GET ${status}`] ?? 0) + 1;
    }
  }
}

process.on('SIGTERM', () => (stopping = true));
process.stdout.write('ready\n');
void Promise.all(Array.from({ length: plan.concurrency }, visitor)).then(() => {
  const seconds = (performance.now() - started) / 1000;
  // Exit once the line is out: a pipe's write is asynchronous, and exiting first would cut it.
  const summary = JSON.stringify({ seconds, readMs, postMs, statuses, postsStored, postsRefused }) + '\n';
  process.stdout.write(summary, () => process.exit(0));
});
