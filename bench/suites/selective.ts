import { generateSite, mutateEntity, type SiteEntity } from '../../libs/site-generator';
import { api, benchServices, bootApp, median, round, timed, waitForJob } from '../harness';
import { writeSuiteResult } from '../results';

const SIZES = (process.env.BENCH_SELECTIVE_SIZES ?? '100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_SELECTIVE_ROUNDS ?? 5);
const SELECTED = 10;

type Api = ReturnType<typeof api>;

/**
 * Issue 15's number: a selective promotion of 10 entities on a big site, end to end (the selection's preview, the
 * POST, the job), with 1% of the site changed on staging and left there. Each round promotes 10 other pages.
 */
export async function runSelectiveBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp(services.env);
  const admin = api(url, config.adminToken);
  const rows: Record<string, string | number>[] = [];
  try {
    for (const size of SIZES) {
      const slug = `selective-${size}-${Date.now().toString(36)}`;
      await admin('POST', '/api/sites', { slug, name: `Selective ${size}` });
      const entities = [...generateSite({ entities: size, seed: size, mediaFiles: 0 })].filter(
        (e) => e.type !== 'media',
      );
      process.stderr.write(`  ${size}: importing ${entities.length} entities\n`);
      await importAll(admin, slug, entities);
      const whole = await timed(() => promote(admin, slug));
      process.stderr.write(`  ${size}: first (whole) promotion ${Math.round(whole.ms)} ms\n`);
      const changed = changePages(entities);
      await importAll(admin, slug, changed);

      const endToEnd: number[] = [];
      const previews: number[] = [];
      const jobs: number[] = [];
      const windows: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const select = {
          entities: changed.slice(r * SELECTED, (r + 1) * SELECTED).map(({ type, key }) => ({ type, key })),
        };
        const run = await timed(async () => {
          const preview = await timed(() =>
            admin('POST', `/api/sites/${slug}/promotion/preview`, { select, limit: 1 }),
          );
          const job = await timed(() => promote(admin, slug, preview.value, select));
          return { preview, job };
        });
        endToEnd.push(run.ms);
        previews.push(run.value.preview.ms);
        jobs.push(run.value.job.ms);
        windows.push(run.value.job.value.timings.maintenanceMs);
        process.stderr.write(
          `  ${size}: round ${r}: ${Math.round(run.ms)} ms end to end (preview ${Math.round(run.value.preview.ms)} ms), ` +
            `${run.value.job.value.result.entities} entities in the new state\n`,
        );
      }
      rows.push({
        entities: size,
        'changed on staging': changed.length,
        selected: SELECTED,
        'whole first promotion (ms)': Math.round(whole.ms),
        'selective end to end, median (ms)': round(median(endToEnd)),
        'selection preview, median (ms)': round(median(previews)),
        'POST to job done, median (ms)': round(median(jobs)),
        'maintenance window, job (ms)': round(median(windows), 1),
      });
    }
  } finally {
    await app.close();
    await services.close();
  }
  writeSuiteResult({
    suite: 'selective',
    tables: [
      {
        title: `Selective promotion of ${SELECTED} pages, 1% of the site changed on staging`,
        note:
          `Medians over ${ROUNDS} rounds, each promoting ${SELECTED} other changed pages (and what they need). End to end: ` +
          'POST …/promotion/preview with the selection, POST …/promotions with it, the job polled until it succeeds. ' +
          'Aim: ≤ 300 ms at 100,000 entities.',
        rows,
      },
    ],
  });
}

/** Promotes the preview given (whole, when none), over its error launch checks (the generated site has some). */
async function promote(admin: Api, slug: string, given?: any, select?: unknown) {
  const preview = given ?? (await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`));
  const errors = preview.checks.filter((c: any) => c.severity === 'error').map((c: any) => c.code);
  const job = await admin('POST', `/api/sites/${slug}/promotions`, {
    fingerprint: preview.fingerprint,
    ...(select ? { select } : {}),
    ...(errors.length ? { acknowledgeChecks: [...new Set(errors)] } : {}),
  });
  return waitForJob(admin, job.id);
}

async function importAll(admin: Api, slug: string, entities: SiteEntity[]): Promise<void> {
  for (let i = 0; i < entities.length; i += 1000) {
    const batch = entities
      .slice(i, i + 1000)
      .map((e) => ({ ...e, ...(e.type === 'page' || e.type === 'post' ? { publish: true } : {}) }));
    await admin('POST', `/api/sites/${slug}/staging/import`, { entities: batch });
  }
}

/** 1% of the site: pages changed plausibly (edited text, moved blocks, new titles). */
function changePages(entities: SiteEntity[]): SiteEntity[] {
  const pages = entities.filter((e) => e.type === 'page' && e.data.path !== '/');
  const count = Math.max(SELECTED * ROUNDS, Math.round(entities.length * 0.01));
  return pages.slice(0, count).map((page, i) => mutateEntity(page, 7_000_000 + i));
}
