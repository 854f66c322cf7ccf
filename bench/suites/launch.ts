import { generateSite, mutateEntity, type SiteEntity } from '../../libs/site-generator';
import { EnvironmentsService } from '../../src/environments/environments.service';
import { fingerprintOf } from '../../src/promotion/fingerprint';
import { LaunchChecksService } from '../../src/promotion/launch-checks.service';
import { Transactions } from '../../src/platform/database/transactions';
import { api, benchServices, bootApp, importAll, median, round, timed, waitForJob } from '../harness';
import { writeSuiteResult } from '../results';

const SIZES = (process.env.BENCH_LAUNCH_SIZES ?? '10000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_LAUNCH_ROUNDS ?? 5);

type Api = ReturnType<typeof api>;

/**
 * Issue 14's number: the launch report of a generated site (1% of it changed since production), uncached (each
 * round changes staging, so the fingerprint is new) and cached (the same fingerprint again), measured in the
 * service and as the preview's whole answer.
 */
export async function runLaunchBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp(services.env);
  const admin = api(url, config.adminToken);
  const checks = app.get(LaunchChecksService);
  const transactions = app.get(Transactions);
  const environments = app.get(EnvironmentsService);
  const rows: Record<string, string | number>[] = [];
  try {
    for (const size of SIZES) {
      const slug = `launch-${size}-${Date.now().toString(36)}`;
      const site = await admin('POST', '/api/sites', { slug, name: `Launch ${size}` });
      const entities = [...generateSite({ entities: size, seed: size, mediaFiles: 0 })].filter(
        (e) => e.type !== 'media',
      );
      process.stderr.write(`  ${size}: importing ${entities.length} entities\n`);
      await importAll(admin, slug, entities);
      const production = await promoteAcknowledged(admin, slug);

      // The fingerprint is read in the report's own transaction: a preview would fill the cache first.
      const measure = () =>
        timed(() =>
          transactions.run({ isolation: 'REPEATABLE READ' }, async (tx) => {
            const { fingerprint } = fingerprintOf(await environments.findForSites([site.id], tx));
            return checks.report(tx, site.id, fingerprint);
          }),
        );
      const uncached: number[] = [];
      const cached: number[] = [];
      const previewUncached: number[] = [];
      const previewCached: number[] = [];
      let found = 0;
      for (let round = 0; round < ROUNDS; round++) {
        await importAll(admin, slug, mutate(entities, round));
        const cold = await measure();
        uncached.push(cold.ms);
        found = cold.value.length;
        cached.push((await measure()).ms);
        await importAll(admin, slug, mutate(entities, round + ROUNDS));
        previewUncached.push((await timed(() => admin('GET', `/api/sites/${slug}/promotion/preview?limit=50`))).ms);
        previewCached.push((await timed(() => admin('GET', `/api/sites/${slug}/promotion/preview?limit=50`))).ms);
        process.stderr.write(`  ${size}: round ${round}: report ${Math.round(cold.ms)} ms uncached, ${found} checks\n`);
      }
      rows.push({
        entities: size,
        production,
        'checks found': found,
        'report uncached, median (ms)': round(median(uncached)),
        'report cached, median (ms)': round(median(cached), 2),
        'preview with report, uncached (ms)': round(median(previewUncached)),
        'preview with report, cached (ms)': round(median(previewCached)),
      });
    }
  } finally {
    await app.close();
    await services.close();
  }
  writeSuiteResult({
    suite: 'launch',
    tables: [
      {
        title: 'Launch report of a generated site, 1% changed since production',
        note:
          `Medians over ${ROUNDS} rounds. Report: LaunchChecksService.report in its own REPEATABLE READ transaction ` +
          '(uncached: the first call for a new fingerprint; cached: the same fingerprint again). Preview: GET …/promotion/preview?limit=50 ' +
          'over HTTP, the diff included (uncached: first after a staging change). Aim: ≤ 300 ms uncached at 10,000.',
        rows,
      },
    ],
  });
}

// At 100,000 entities build-state's REPEATABLE READ transaction can lose a race with the job's own heartbeat
// (serialization failure on the jobs row, a bug outside this suite): promote again, up to three times.
// If all three fail, the report is measured against the empty production the site started with (the candidate's
// side, which dominates the cost, is the same), and the row says so.
async function promoteAcknowledged(admin: Api, slug: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const first = await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`);
    const job = await admin('POST', `/api/sites/${slug}/promotions`, {
      fingerprint: first.fingerprint,
      acknowledgeChecks: [...new Set(first.checks.filter((c: any) => c.severity === 'error').map((c: any) => c.code))],
    });
    try {
      await waitForJob(admin, job.id);
      return 'the generated site';
    } catch (error) {
      if (attempt === 3) return `empty (first promotion failed: ${(error as Error).message.slice(0, 60)})`;
      process.stderr.write(`  first promotion failed (${(error as Error).message}); again\n`);
    }
  }
}

function mutate(entities: SiteEntity[], round: number): SiteEntity[] {
  const pages = entities.filter((e) => e.type === 'page' || e.type === 'post');
  const count = Math.max(1, Math.round(entities.length * 0.01));
  return Array.from({ length: count }, (_, i) =>
    mutateEntity(pages[(round * count + i) % pages.length], round * 100_000 + i),
  );
}
