import { api, benchServices, bootApp, median, round } from '../harness';
import { writeSuiteResult } from '../results';

const ROUNDS = Number(process.env.BENCH_SCHEDULE_ROUNDS ?? 10);
// Far enough ahead that the schedule is made (its state built and pinned) well before it is due.
const LEAD_MS = 1500;

/**
 * Issue 13's number: from a scheduled promotion's runAt to production's head changing (the swap), as a client
 * polling the site sees it, and as the job records it (its swap step's end). One API+worker process here.
 */
export async function runScheduleBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp(services.env);
  const admin = api(url, config.adminToken);
  const seen: number[] = [];
  const recorded: number[] = [];
  try {
    const slug = `schedule-${Date.now().toString(36)}`;
    await admin('POST', '/api/sites', { slug, name: 'Schedule bench' });
    for (let round = 0; round < ROUNDS; round++) {
      await admin('PUT', `/api/sites/${slug}/staging/content/popup/banner`, { data: { title: `round ${round}` } });
      const { fingerprint } = await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`);
      const runAt = new Date(Date.now() + LEAD_MS);
      const job = await admin('POST', `/api/sites/${slug}/promotions`, { fingerprint, runAt: runAt.toISOString() });
      const before = job.result.stateId;
      for (;;) {
        const site = await admin('GET', `/api/sites/${slug}`);
        if (site.environments.production.stateId === before) break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      seen.push(Date.now() - runAt.getTime());
      let done;
      while ((done = await admin('GET', `/api/jobs/${job.id}`)).status !== 'succeeded')
        await new Promise((resolve) => setTimeout(resolve, 5));
      const swap = done.steps.find((s: { name: string }) => s.name === 'swap');
      recorded.push(new Date(swap.finishedAt).getTime() - runAt.getTime());
      process.stderr.write(`  round ${round}: swap seen ${seen[round]} ms after runAt (job: ${recorded[round]} ms)\n`);
    }
  } finally {
    await app.close();
    await services.close();
  }
  writeSuiteResult({
    suite: 'schedule',
    tables: [
      {
        title: 'Scheduled promotion: runAt to the swap',
        note:
          'Each round schedules a one-entity promotion 1.5 s ahead (state built and pinned when scheduled), then a client ' +
          "polls the site until production's head is the pinned state. Job: the swap step's end as the job records it. " +
          'One process with the API and a worker; the delayed BullMQ entry fires it. Aim: ≤ 1 s median.',
        rows: [
          {
            rounds: ROUNDS,
            'runAt → head changed, client (ms)': round(median(seen)),
            'worst round (ms)': round(Math.max(...seen)),
            'runAt → swap step done, job (ms)': round(median(recorded)),
          },
        ],
      },
    ],
  });
}
