import { api, benchServices, bootApp, median, round, startProber } from '../harness';
import { writeSuiteResult } from '../results';

const PAGES = Number(process.env.BENCH_VERIFY_PAGES ?? 1000);
const CHANGED = (process.env.BENCH_VERIFY_CHANGED ?? '1,10,50,500').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_VERIFY_ROUNDS ?? 5);

type Api = ReturnType<typeof api>;

/**
 * Issue 14's number: a promotion's post-swap check, from the swap to the verdict (the job's timings.verifyMs),
 * and the maintenance window it now spans (as the job records it and as a visitor process saw it), for a
 * growing number of changed pages (the check reads at most 50 of them) and for a rollback.
 */
export async function runVerifyBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp(services.env);
  const admin = api(url, config.adminToken);
  const rows: Record<string, string | number>[] = [];
  try {
    const slug = `verify-${Date.now().toString(36)}`;
    await admin('POST', '/api/sites', { slug, name: 'Verify bench' });
    await admin('PUT', `/api/sites/${slug}/staging/content/layout/main`, {
      data: { header: [{ id: 'n', type: 'text', text: 'Navigation' }], footer: [] },
    });
    await admin('PUT', `/api/sites/${slug}/staging/content/stylesheet/site`, { data: { css: 'body{margin:0}' } });
    await importPages(admin, slug, 0, PAGES);
    await promote(admin, slug);
    let generation = 1;
    for (const changed of CHANGED) rows.push(await measure(admin, url, slug, changed, () => generation++, false));
    rows.push(await measure(admin, url, slug, 1, () => generation++, true));
  } finally {
    await app.close();
    await services.close();
  }
  writeSuiteResult({
    suite: 'verify',
    tables: [
      {
        title: `Post-swap check of a ${PAGES}-page site (home page, changed pages up to 50, smoke checks)`,
        note:
          `Medians over ${ROUNDS} rounds, one API+worker process. Swap to verdict: the job's timings.verifyMs. The window: ` +
          'production stays dark from the lease taken before the swap to the verdict (or to the swap back), as the job records ' +
          'it and as a visitor process saw it (first to last 503). The rollback rows add a smoke check that fails.',
        rows,
      },
    ],
  });
}

async function measure(admin: Api, url: string, slug: string, changed: number, next: () => number, fails: boolean) {
  const smokeChecks = fails ? [{ path: '/', status: 200, contains: 'text that is not there' }] : [];
  await admin('PATCH', `/api/sites/${slug}`, { smokeChecks });
  const verifyMs: number[] = [];
  const windowMs: number[] = [];
  const probedMs: number[] = [];
  let checked = 0;
  for (let i = 0; i < ROUNDS; i++) {
    await importPages(admin, slug, next(), changed);
    const prober = await startProber(`${url}/sites/${slug}/`);
    const job = await promote(admin, slug);
    const seen = await prober.stop();
    if (job.status !== (fails ? 'rolled_back' : 'succeeded')) throw new Error(`job ${job.id} ended ${job.status}`);
    verifyMs.push(job.timings.verifyMs);
    windowMs.push(job.timings.maintenanceMs);
    checked = job.result.verification.checked;
    if (seen.windows.length) probedMs.push(Math.max(...seen.windows.map((w) => w.end - w.start)));
    process.stderr.write(`  ${changed} changed${fails ? ', rolled back' : ''}: ${job.timings.verifyMs} ms\n`);
  }
  return {
    'pages changed': changed,
    verdict: fails ? 'rolled back' : 'passed',
    'pages checked': checked,
    'swap to verdict (ms)': round(median(verifyMs), 1),
    'window, job (ms)': round(median(windowMs), 1),
    'window, prober (ms)': probedMs.length ? round(median(probedMs), 1) : 'no 503 seen',
  };
}

// Pages /p/<first>…: a heading and a few paragraphs, the site's layout; `generation` changes their text.
async function importPages(admin: Api, slug: string, generation: number, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const entities = Array.from({ length: Math.min(1000, count - start) }, (_, j) => {
      const n = start + j;
      return {
        type: 'page',
        key: `p${n}`,
        publish: true,
        data: {
          title: `Page ${n}`,
          path: n === 0 ? '/' : `/p/${n}`,
          layout: 'main',
          blocks: [
            { id: 'h', type: 'heading', text: `Page ${n}`, level: 1 },
            ...Array.from({ length: 5 }, (_, b) => ({
              id: `t${b}`,
              type: 'text',
              text: `Generation ${generation}. `.repeat(20),
            })),
          ],
        },
      };
    });
    await admin('POST', `/api/sites/${slug}/staging/import`, { entities });
  }
}

async function promote(admin: Api, slug: string) {
  const { fingerprint } = await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`);
  const job = await admin('POST', `/api/sites/${slug}/promotions`, { fingerprint });
  for (;;) {
    const done = await admin('GET', `/api/jobs/${job.id}`);
    if (['succeeded', 'rolled_back'].includes(done.status)) return done;
    if (done.status === 'failed') throw new Error(`job ${job.id} failed: ${JSON.stringify(done.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
