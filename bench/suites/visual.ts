import { api, benchServices, bootApp, round, timed } from '../harness';
import { writeSuiteResult } from '../results';

const PAGES = Number(process.env.BENCH_VISUAL_PAGES ?? 20);
const WIDTHS = [390, 768, 1280];

/**
 * Issue 15's number: visual diff pages per second on this machine. One API+worker process with its one shared
 * Chromium (VISUAL_DIFF_CONCURRENCY, default 2): every page of a site changed, from the first ask to all ready
 * (each page: 3 widths × production and candidate rendered, compared, 3 PNGs stored); then the same preview
 * again, answered from the cache.
 */
export async function runVisualBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp({ ...services.env, VISUAL_DIFF_MAX_PAGES: String(PAGES) });
  const admin = api(url, config.adminToken);
  try {
    const slug = `visual-${Date.now().toString(36)}`;
    await admin('POST', '/api/sites', { slug, name: 'Visual bench' });
    const stage = async (headline: string) => {
      for (let i = 0; i < PAGES; i++) {
        const page = `/api/sites/${slug}/staging/content/page/page-${i}`;
        await admin('PUT', page, { data: pageBody(i, headline) });
        await admin('POST', `${page}/publish`);
      }
    };
    await stage('Small-batch coffee');
    const first = await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`);
    const job = await admin('POST', `/api/sites/${slug}/promotions`, { fingerprint: first.fingerprint });
    while ((await admin('GET', `/api/jobs/${job.id}`)).status !== 'succeeded') await sleep(20);
    await stage('Roasted twice a week now');
    const { fingerprint } = await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`);
    const visual = () => admin('GET', `/api/sites/${slug}/promotion/preview/visual?fingerprint=${fingerprint}`);
    const cold = await timed(async () => {
      for (;;) {
        const answer = await visual();
        if (answer.status !== 'pending') return answer;
        await sleep(100);
      }
    });
    if (cold.value.status !== 'ready') throw new Error(`visual diff ${cold.value.status}: ${cold.value.reason}`);
    const failed = cold.value.pages.filter((p: { status: string }) => p.status !== 'ready').length;
    const warm = await timed(visual);
    const seconds = cold.ms / 1000;
    process.stderr.write(
      `  ${PAGES} pages in ${round(seconds, 2)} s (${failed} failed); cached answer ${round(warm.ms)} ms\n`,
    );
    writeSuiteResult({
      suite: 'visual',
      tables: [
        {
          title: 'Visual diff: pages per second',
          note:
            `${PAGES} changed pages (a headline each), ${WIDTHS.length} widths, ${config.visualDiff.concurrency} at once in ` +
            'one headless Chromium (Debian chromium, playwright-core), rendered through the public site of the same ' +
            'process; the clock runs from the first GET …/preview/visual to every page ready, polling every 100 ms. ' +
            'Cached: the same request once all are ready. 2 shared cores: other work on the machine slows it.',
          rows: [
            {
              pages: PAGES,
              'failed pages': failed,
              'cold (s)': round(seconds, 2),
              'pages / s': round(PAGES / seconds, 2),
              'page × width comparisons / s': round((PAGES * WIDTHS.length) / seconds, 2),
              'cached answer (ms)': round(warm.ms),
            },
          ],
        },
      ],
    });
  } finally {
    await app.close();
    await services.close();
  }
}

function pageBody(i: number, headline: string) {
  return {
    title: `Page ${i}`,
    path: i === 0 ? '/' : `/page-${i}`,
    blocks: [
      { id: 'h', type: 'heading', text: `${headline} (${i})`, level: 1 },
      {
        id: 't',
        type: 'text',
        text: 'We source single-origin beans directly from growers we know by name. '.repeat(8),
      },
    ],
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
