import { DataSource } from 'typeorm';
import type { StateDeltaPolicy } from '../../src/platform/config/config';
import { generateSite, mediaBytes, mutateEntity, type SiteEntity } from '../../libs/site-generator';
import { api, benchServices, bootApp, importAll, median, p99, round, startProber, timed, waitForJob } from '../harness';
import { NaivePromotion } from '../naive/naive-promotion';
import { SwapPaths } from '../naive/swap-paths';
import { writeSuiteResult } from '../results';

const SIZES = (process.env.BENCH_PROMOTION_SIZES ?? '1000,10000,100000').split(',').map(Number);
const MEDIA_FILES = 100;
const CHANGED = 0.01;
const ROUNDS: Record<number, number> = { 1000: 5, 10000: 5, 100000: 3 };
// Rounds of head swaps between the last two promotions' states: today's paths and the one they replaced.
const SWAP_ROUNDS = Number(process.env.BENCH_SWAP_ROUNDS ?? 30);

type Api = ReturnType<typeof api>;

/**
 * Issue 6's numbers: preview, end-to-end promotion, the maintenance window (as the job records it and as a
 * visitor in another process sees it), restore, storage added per promotion, and the naive table copy
 * measured on the same data in the same run.
 */
export async function runPromotionBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp(services.env);
  // The same process builds some rounds' states as deltas and others whole (maxDepth 0, the path before delta
  // states): the policy is read at each build, so switching it here compares the two on the same site and data.
  const deltas = config.stateDeltas;
  const dataSource = app.get(DataSource);
  const naive = new NaivePromotion(dataSource);
  await naive.prepare();
  const swaps = new SwapPaths(app);
  const rows: Record<string, string | number>[] = [];
  try {
    for (const size of SIZES)
      rows.push(await measureSize(size, url, config.adminToken, dataSource, naive, swaps, deltas));
  } finally {
    await app.close();
    await services.close();
  }
  writeSuiteResult({
    suite: 'promotion',
    tables: [
      {
        title: 'Promotion of a staging site with 1% of entities changed and 100 media files',
        note:
          'Medians over rounds (each round changes a fresh 1%), one API+worker process with a visitor process probing a page back to back. ' +
          'Swap, job: timings.swapMs, the lease taken to the head swapped (committed), with that visitor loading the same process. ' +
          `Swap alone: ${SWAP_ROUNDS * 2} swaps per path between the last two promotions' states, no traffic, paths alternating in the same run: ` +
          "a promotion's (lease kept for the check, asynchronous commit; in brackets the part until the lease was taken) / a restore's (lease ended in the statement, durable), " +
          'and the path before issue 16 (lease taken and announced, the swap in an ORM transaction, to its commit / to the head notification). ' +
          'Lease held: timings.maintenanceMs, the swap plus the post-swap check of up to 50 changed pages; dark for a visitor: first to last 503 in the prober. ' +
          'What varies run to run on this shared 2-core machine: the disk flush of a durable commit (0.5 to 4 ms seen) and CPU taken by other sessions; compare columns of one run, not runs. ' +
          'Naive: the same content copied table to table inside the same lease, on the same data. ' +
          'Full-copy: after the delta rounds, as many rounds again on the same site with the state built whole (STATE_DELTA_MAX_DEPTH=0, the path before delta states); ' +
          "steps are the job's recorded step times (delta / full-copy medians); storage per changed entity is the growth of state_entries, content_states and revisions over a promotion, divided by the 1% changed.",
        rows,
      },
    ],
  });
}

async function measureSize(
  size: number,
  url: string,
  adminToken: string,
  dataSource: DataSource,
  naive: NaivePromotion,
  swaps: SwapPaths,
  deltas: StateDeltaPolicy,
) {
  const policy = { ...deltas };
  const admin = api(url, adminToken);
  const slug = `bench-${size}-${Date.now().toString(36)}`;
  const site = await admin('POST', '/api/sites', { slug, name: `Bench ${size}` });
  const entities = [...generateSite({ entities: size, seed: size, mediaFiles: MEDIA_FILES })];
  process.stderr.write(`  ${size}: seeding ${entities.length} entities\n`);
  const seeded = await timed(() => seed(url, adminToken, slug, entities));
  process.stderr.write(`  ${size}: seeded in ${Math.round(seeded.ms)} ms; first promotion\n`);
  const first = await promote(admin, slug);
  const snapshot = await admin('POST', `/api/sites/${slug}/snapshots`, { label: 'bench' });
  const page = entities.find((e) => e.type === 'page' && e.data.path !== '/')!;

  const previewMs: number[] = [];
  const totalMs: number[] = [];
  const maintenanceMs: number[] = [];
  const swapMs: number[] = [];
  const states: number[] = [];
  const verifyMs: number[] = [];
  const probedMs: number[] = [];
  const storageBytes: number[] = [];
  const steps: Record<string, number>[] = [];
  const whole = { totalMs: [] as number[], storageBytes: [] as number[], steps: [] as Record<string, number>[] };
  const rounds = ROUNDS[size] ?? 3;
  // The full-copy rounds come after the delta rounds, on the same site: the deltas' chain grows over its rounds.
  for (let round = 0; round < rounds * 2; round++) {
    const full = round >= rounds;
    Object.assign(deltas, full ? { ...policy, maxDepth: 0 } : policy);
    await importAll(admin, slug, mutate(entities, round));
    for (let i = 0; i < 5; i++)
      previewMs.push((await timed(() => admin('GET', `/api/sites/${slug}/promotion/preview?limit=50`))).ms);
    const before = await storage(dataSource);
    const prober = await startProber(`${url}/sites/${slug}${page.data.path}`);
    const job = await promote(admin, slug);
    const seen = await prober.stop();
    states.push(job.result.stateId);
    if (full) {
      whole.storageBytes.push((await storage(dataSource)) - before);
      whole.totalMs.push(job.endToEndMs);
      whole.steps.push(stepMs(job));
      continue;
    }
    storageBytes.push((await storage(dataSource)) - before);
    steps.push(stepMs(job));
    totalMs.push(job.endToEndMs);
    maintenanceMs.push(job.timings.maintenanceMs);
    swapMs.push(job.timings.swapMs);
    verifyMs.push(job.timings.verifyMs);
    if (seen.windows.length) probedMs.push(Math.max(...seen.windows.map((w) => w.end - w.start)));
    process.stderr.write(
      `  ${size}: round ${round}: ${Math.round(job.endToEndMs)} ms end to end, swap ${job.timings.swapMs} ms, ` +
        `lease held ${job.timings.maintenanceMs} ms\n`,
    );
  }

  Object.assign(deltas, policy);
  const swapped = await compareSwaps(swaps, site.id, states.at(-1)!, states.at(-2)!);

  const restore = await timed(async () => {
    const job = await admin('POST', `/api/sites/${slug}/snapshots/${snapshot.id}/restore`);
    return waitForJob(admin, job.id);
  });
  const naiveMs: number[] = [];
  for (let i = 0; i < 3; i++) naiveMs.push(await naive.promote(site.id));

  return {
    entities: size,
    'seed (import, s)': round(seeded.ms / 1000, 1),
    'first full promotion (ms)': Math.round(first.endToEndMs),
    'preview median (ms)': round(median(previewMs)),
    'preview p99 (ms)': round(p99(previewMs)),
    'promotion end-to-end median (ms)': Math.round(median(totalMs)),
    'full-copy states: end-to-end median (ms)': Math.round(median(whole.totalMs)),
    'steps, delta / full-copy (ms)': stepSummary(steps, whole.steps),
    'swap: lease taken → head swapped, job (ms)': round(median(swapMs), 2),
    'swap alone, promotion (of it: lease taken) / restore (ms)': `${round(median(swapped.kept), 2)} (${round(median(swapped.keptLease), 2)}) / ${round(median(swapped.ended), 2)}`,
    'swap alone, before issue 16: to the commit / to its notification (ms)': `${round(median(swapped.before), 2)} / ${round(median(swapped.notified), 2)}`,
    'lease held: swap + post-swap check, job (ms)': round(median(maintenanceMs), 2),
    'dark for a visitor, prober (ms)': probedMs.length ? round(median(probedMs), 2) : 'no 503 seen',
    'post-swap check, swap to verdict (ms)': round(median(verifyMs), 1),
    'restore end-to-end (ms)': Math.round(restore.ms),
    'restore swap window (ms)': restore.value.timings.maintenanceMs,
    'storage added per promotion (KB)': Math.round(median(storageBytes) / 1024),
    'storage per changed entity, delta / full-copy (B)': `${Math.round(median(storageBytes) / changedCount(entities))} / ${Math.round(median(whole.storageBytes) / changedCount(entities))}`,
    'naive copy window median (ms)': round(median(naiveMs), 1),
    'naive / our swap (window)': round(median(naiveMs) / Math.max(median(swapMs), 0.01), 0),
  };
}

/**
 * SWAP_ROUNDS × 3 swaps between two built states: a promotion's (lease kept), a restore's (lease ended) and the
 * path before issue 16, the order rotating so none always follows the same one. Ends with the head on `a`
 * (a multiple of two swaps per round).
 */
async function compareSwaps(swaps: SwapPaths, siteId: string, a: number, b: number) {
  const kept: number[] = [];
  const keptLease: number[] = [];
  const ended: number[] = [];
  const before: number[] = [];
  const notified: number[] = [];
  const paths = [
    (from: number, to: number) =>
      swaps.current(siteId, from, to, true).then((swap) => {
        kept.push(swap.swapMs);
        keptLease.push(swap.leaseMs);
      }),
    (from: number, to: number) => swaps.current(siteId, from, to, false).then((swap) => ended.push(swap.swapMs)),
    (from: number, to: number) =>
      swaps.before(siteId, from, to).then(([ms, withNotification]) => {
        before.push(ms);
        notified.push(withNotification);
      }),
  ];
  let head = a;
  for (let i = 0; i < SWAP_ROUNDS * 2; i++)
    for (let p = 0; p < paths.length; p++) {
      const next = head === a ? b : a;
      await paths[(i + p) % paths.length](head, next);
      head = next;
    }
  return { kept, keptLease, ended, before, notified };
}

async function seed(url: string, token: string, slug: string, entities: SiteEntity[]): Promise<void> {
  const media = entities.filter((e) => e.type === 'media');
  for (const [index, entity] of media.entries()) {
    const form = new FormData();
    form.set('key', entity.key);
    form.set('file', new Blob([new Uint8Array(mediaBytes(index))], { type: 'image/png' }), entity.key);
    const response = await fetch(`${url}/api/sites/${slug}/staging/media`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    if (response.status !== 201) throw new Error(`upload ${entity.key} → ${response.status} ${await response.text()}`);
  }
  await importAll(
    api(url, token),
    slug,
    entities.filter((e) => e.type !== 'media'),
  );
}

/** A fresh 1% of the non-media entities, changed plausibly (edited text, moved blocks, new titles). */
function mutate(entities: SiteEntity[], round: number): SiteEntity[] {
  const candidates = entities.filter((e) => e.type === 'page' || e.type === 'post' || e.type === 'custom_object');
  const count = Math.max(1, Math.round(entities.length * CHANGED));
  const changed: SiteEntity[] = [];
  for (let i = 0; i < count; i++) {
    const index = (round * count + i) % candidates.length;
    candidates[index] = mutateEntity(candidates[index], round * 100_000 + i);
    changed.push(candidates[index]);
  }
  return changed;
}

async function promote(admin: Api, slug: string) {
  const started = performance.now();
  const { fingerprint } = await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`);
  const job = await admin('POST', `/api/sites/${slug}/promotions`, { fingerprint });
  const done = await waitForJob(admin, job.id);
  return { ...done, endToEndMs: performance.now() - started };
}

/** How long each step of a finished job took (its recorded start to finish). */
function stepMs(job: { steps: { name: string; startedAt: string | null; finishedAt: string | null }[] }) {
  return Object.fromEntries(
    job.steps
      .filter((step) => step.startedAt && step.finishedAt)
      .map((step) => [step.name, Date.parse(step.finishedAt!) - Date.parse(step.startedAt!)]),
  );
}

/** The steps that take time, as "name delta/full" medians. */
function stepSummary(delta: Record<string, number>[], full: Record<string, number>[]): string {
  const names = ['check-fingerprint', 'validate', 'copy-media', 'build-state', 'plan-check'];
  const of = (rounds: Record<string, number>[], name: string) => Math.round(median(rounds.map((r) => r[name] ?? 0)));
  return names.map((name) => `${name} ${of(delta, name)}/${of(full, name)}`).join(', ');
}

const changedCount = (entities: SiteEntity[]) => Math.max(1, Math.round(entities.length * CHANGED));

async function storage(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query(
    `select sum(pg_total_relation_size(c))::bigint as bytes from unnest(array['state_entries', 'content_states', 'revisions']::regclass[]) c`,
  );
  return Number(row.bytes);
}
