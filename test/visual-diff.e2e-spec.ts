import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { demoSite, mediaBytes } from '../libs/site-generator';
import { CANDIDATE_HEADER } from '../src/public-site/site-target';
import { compareScreenshots } from '../src/visual-diff/compare-screenshots';
import { ScreenshotBrowser } from '../src/visual-diff/screenshot-browser';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';

// The visual diff through the real path: the worker's Chromium loads /sites/<slug> and /preview/<slug> from
// this app's own HTTP server, the PNGs go to S3 (s3rver), and the cache lives in PostgreSQL.
const WIDTHS = [390, 768, 1280];

/** The demo site (src/seed's content) on a fresh site, staged, published and promoted; `body` copies an entity's. */
async function promotedDemo(app: NestExpressApplication, slug: string) {
  const site = await createSite(app, slug);
  const client = stagingClient(app, site);
  const demo = demoSite();
  for (const media of demo.media) await client.upload(media.key, media.bytes);
  for (const entity of demo.entities) {
    await client.put(entity.type, entity.key, entity.data);
    if (entity.type === 'page' || entity.type === 'post') await client.publish(entity.type, entity.key);
  }
  await client.promoteAll();
  const body = (key: string) => structuredClone(demo.entities.find((e) => e.key === key)!.data) as any;
  return { site, client, body };
}

/** The demo site, promoted, then staged again with two changed pages. */
async function demoWithTwoChangedPages(app: NestExpressApplication): Promise<{ site: TestSite; fingerprint: string }> {
  const { site, client, body } = await promotedDemo(app, 'visual');
  // A new headline on the home page; on the about page only its meta description, which no one sees.
  const home = body('home');
  home.blocks[0].text = 'Now roasting twice a week: Mondays and Thursdays';
  await client.put('page', 'home', home);
  await client.publish('page', 'home');
  const about = body('about');
  about.seo.description = 'How Acme began (a new search snippet)';
  await client.put('page', 'about', about);
  await client.publish('page', 'about');
  const preview = await client.preview();
  expect(preview.summary.byType.page.changed).toBe(2);
  return { site, fingerprint: preview.fingerprint };
}

const visual = (app: NestExpressApplication, site: TestSite, query: string, token = site.tokens.reviewer) =>
  request(app.getHttpServer()).get(`/api/sites/${site.slug}/promotion/preview/visual?${query}`).set(auth(token));

describe('the visual diff', () => {
  describe('with Chromium', () => {
    let app: NestExpressApplication;
    // One rendered demo, shared by the tests below in order: its comparison, then the cache, then refusals.
    let site: TestSite;
    let fingerprint: string;
    let heatmapUrl: string;
    beforeAll(async () => {
      // A loaded 2-core machine renders slowly: the per-page limit is not what these tests are about.
      app = await createTestApp(undefined, { VISUAL_DIFF_PAGE_TIMEOUT_MS: '90000' });
      ({ site, fingerprint } = await demoWithTwoChangedPages(app));
    });
    afterAll(() => app.close());

    it('renders each changed page at three widths: a changed headline shows, an invisible change does not', async () => {
      const first = (await visual(app, site, `fingerprint=${fingerprint}`).expect(200)).body;
      expect(first.status).not.toBe('unavailable');
      expect(first.pagesTotal).toBe(2);
      const done = await eventually(
        async () => {
          const { body } = await visual(app, site, `fingerprint=${fingerprint}`).expect(200);
          expect(body.status).toBe('ready');
          return body;
        },
        { timeoutMs: 400_000, intervalMs: 500 },
      );
      expect(done.widths).toEqual(WIDTHS);
      // Most changed first.
      expect(done.pages.map((p: { key: string }) => p.key)).toEqual(['home', 'about']);
      const [home, about] = done.pages;
      expect(home.widths.map((w: { width: number }) => w.width)).toEqual(WIDTHS);
      for (const width of home.widths) {
        expect(width).toMatchObject({ status: 'ready', reason: null });
        expect(width.changedPercent).toBeGreaterThan(0);
      }
      expect(home.changedPercent).toBe(
        Math.max(...home.widths.map((w: { changedPercent: number }) => w.changedPercent)),
      );
      for (const width of about.widths) expect(width).toMatchObject({ status: 'ready', changedPercent: 0 });

      // The PNGs: production's and staging's screenshots differ, and the heatmap marks changed pixels in red.
      const png = async (url: string) =>
        (
          await request(app.getHttpServer())
            .get(url)
            .set(auth(site.tokens.reviewer))
            .expect(200)
            .expect('Content-Type', 'image/png')
        ).body as Buffer;
      const at1280 = home.widths.find((w: { width: number }) => w.width === 1280);
      heatmapUrl = at1280.images.heatmap;
      const [before, after, heatmap] = await Promise.all(
        ['before', 'after', 'heatmap'].map((image) => png(at1280.images[image]).then((b) => PNG.sync.read(b))),
      );
      expect(before.width).toBe(1280);
      expect(Buffer.compare(before.data, after.data)).not.toBe(0);
      expect(redPixels(heatmap)).toBeGreaterThan(0);
      const aboutHeatmap = PNG.sync.read(await png(about.widths[0].images.heatmap));
      expect(redPixels(aboutHeatmap)).toBe(0);
    }, 450_000);

    it('answers a second preview of the same states from the cache, rendering nothing', async () => {
      const browser = app.get(ScreenshotBrowser);
      const renders = browser.renders;
      // The editor opens the preview again: the same fingerprint, so every page is ready at once.
      const { fingerprint: again } = await stagingClient(app, site).preview();
      expect(again).toBe(fingerprint);
      const second = (await visual(app, site, `fingerprint=${again}`, site.tokens.editor).expect(200)).body;
      expect(second.status).toBe('ready');
      expect(second.pages.flatMap((p: { widths: { status: string }[] }) => p.widths.map((w) => w.status))).toEqual(
        Array(6).fill('ready'),
      );
      expect(browser.renders).toBe(renders);
    });

    it('refuses bad widths, a stale fingerprint, and another site’s images', async () => {
      for (const widths of ['100', '5000', '390,768,1280,1440,1600', 'abc'])
        expect(
          (await visual(app, site, `fingerprint=${fingerprint}&widths=${widths}`).expect(400)).body.error.code,
        ).toBe('validation_failed');
      expect((await visual(app, site, 'fingerprint=nonsense').expect(400)).body.error.code).toBe('validation_failed');
      expect((await visual(app, site, '').expect(400)).body.error.code).toBe('validation_failed');

      // Another site (even the admin asking through it) does not find this site's comparison.
      const other = await createSite(app, 'visual-other');
      await request(app.getHttpServer()).get(heatmapUrl).set(auth(site.tokens.reviewer)).expect(200);
      const theirs = heatmapUrl.replace(`/sites/${site.slug}/`, `/sites/${other.slug}/`);
      await request(app.getHttpServer()).get(theirs).set(auth()).expect(404);
      await request(app.getHttpServer()).get(heatmapUrl).set(auth(other.tokens.owner)).expect(403);
      await request(app.getHttpServer()).get(heatmapUrl.replace('heatmap.png', 'secrets.png')).set(auth()).expect(404);

      const client = stagingClient(app, site);
      const home = structuredClone(demoSite().entities.find((e) => e.key === 'home')!.data) as any;
      await client.put('page', 'home', { ...home, title: 'Changed again' });
      await client.publish('page', 'home');
      expect((await visual(app, site, `fingerprint=${fingerprint}`).expect(409)).body.error.code).toBe('stale_preview');
    });
  });

  describe('of a selective preview', () => {
    let app: NestExpressApplication;
    beforeAll(async () => {
      app = await createTestApp(undefined, { VISUAL_DIFF_PAGE_TIMEOUT_MS: '90000' });
    });
    afterAll(() => app.close());

    it("shows a whole preview as production will show it: with production's variables, not staging's", async () => {
      const site = await createSite(app, 'visual-variables');
      const client = stagingClient(app, site);
      const http = request(app.getHttpServer());
      const variables = (env: string, values: Record<string, string>) =>
        http.put(`/api/sites/${site.slug}/${env}/variables`).set(auth(site.tokens.owner)).send(values).expect(200);
      await variables('staging', { CITY: 'Staging town, a much longer name than the live one' });
      await variables('production', { CITY: 'Portland' });
      const home = (headline: string) => ({
        title: 'Home',
        path: '/',
        blocks: [
          { id: 'h', type: 'heading', text: headline, level: 1 },
          { id: 't', type: 'text', text: 'Roasted in {{env.CITY}} every Monday.' },
        ],
      });
      await client.put('page', 'home', home('Fresh coffee'));
      await client.publish('page', 'home');
      await client.promoteAll();
      await client.put('page', 'home', home('Fresh coffee, twice a week'));
      await client.publish('page', 'home');
      const { fingerprint } = await client.preview();
      const done = await eventually(
        async () => {
          const { body: diff } = await visual(app, site, `fingerprint=${fingerprint}&widths=390`).expect(200);
          expect(diff.status).toBe('ready');
          return diff;
        },
        { timeoutMs: 300_000, intervalMs: 500 },
      );
      const [width] = done.pages[0].widths;
      const after = PNG.sync.read(
        (await http.get(width.images.after).set(auth(site.tokens.reviewer)).expect(200)).body as Buffer,
      );
      await client.promoteAll();
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const [live] = await app
        .get(ScreenshotBrowser)
        .screenshots({ url: `${base}/sites/${site.slug}/`, widths: [390] });
      expect(samePixels(after, PNG.sync.read(live))).toBe(true);
    }, 400_000);

    it('shows the candidate (what promoting the selection puts live), not staging', async () => {
      const { site, client, body } = await promotedDemo(app, 'visual-selected');
      // Staging: the home page with a new headline and a new image (which it brings along), and a dark theme
      // that nobody selects, so staging looks different from what the selection would put live.
      await client.upload('beans-v2.png', mediaBytes(7));
      const home = body('home');
      home.blocks[0].text = 'Now roasting twice a week';
      home.blocks.find((b: { type: string }) => b.type === 'image').media = 'beans-v2.png';
      await client.put('page', 'home', home);
      await client.publish('page', 'home');
      const theme = body('default');
      await client.put('theme', 'default', { ...theme, colors: { ...theme.colors, background: '#101020' } });
      const select = { entities: [{ type: 'page', key: 'home' }] };
      const preview = await client.previewSelection(select);
      expect(preview.selection.closure).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'media', key: 'beans-v2.png' })]),
      );
      const query = `fingerprint=${preview.fingerprint}&entities=page:home&widths=390,1280`;

      // Its fingerprint needs its selection, and only that one.
      expect((await visual(app, site, `fingerprint=${preview.fingerprint}`).expect(400)).body.error.code).toBe(
        'validation_failed',
      );
      expect(
        (await visual(app, site, `fingerprint=${preview.fingerprint}&entities=page:about`).expect(409)).body.error.code,
      ).toBe('stale_preview');

      const done = await eventually(
        async () => {
          const { body: diff } = await visual(app, site, query).expect(200);
          expect(diff.status).toBe('ready');
          return diff;
        },
        { timeoutMs: 300_000, intervalMs: 500 },
      );
      expect(done.pagesTotal).toBe(1);
      expect(done.pages.map((p: { key: string }) => p.key)).toEqual(['home']);
      const afters: PNG[] = [];
      for (const width of done.pages[0].widths) {
        expect(width.changedPercent).toBeGreaterThan(0);
        const png = await request(app.getHttpServer()).get(width.images.after).set(auth(site.tokens.reviewer));
        afters.push(PNG.sync.read(png.body as Buffer));
      }
      const [after] = afters;

      // The candidate is only reachable through staging's mount, by who may see staging, and only as a candidate.
      const [{ stateId }] = await app
        .get(DataSource)
        .query(`select id::int as "stateId" from content_states where site_id = $1 and origin = 'candidate'`, [
          site.id,
        ]);
      const http = request(app.getHttpServer());
      await http.get(`/preview/${site.slug}/`).set(CANDIDATE_HEADER, String(stateId)).expect(401);
      await http.get(`/preview/${site.slug}/`).set(auth()).set(CANDIDATE_HEADER, 'x1').expect(400);
      const head = preview.production.stateId;
      await http.get(`/preview/${site.slug}/`).set(auth()).set(CANDIDATE_HEADER, String(head)).expect(404);
      const { body: link } = await http
        .post(`/api/sites/${site.slug}/review-links`)
        .set(auth(site.tokens.editor))
        .send({ expiresInHours: 1, label: 'client' })
        .expect(201);
      await http.get(link.url).set(CANDIDATE_HEADER, String(stateId)).expect(403);
      const candidatePage = await http.get(`/preview/${site.slug}/`).set(auth()).set(CANDIDATE_HEADER, String(stateId));
      expect(candidatePage.status).toBe(200);
      expect(candidatePage.text).toContain('Now roasting twice a week');
      expect(candidatePage.headers['cache-control']).toContain('private');

      // Staging itself looks otherwise (its dark theme), so "after" was not taken of staging …
      const browser = app.get(ScreenshotBrowser);
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const [staging] = (
        await browser.screenshots({
          url: `${base}/preview/${site.slug}/`,
          widths: [390],
          authorization: { headers: { authorization: auth().Authorization }, authorizedPath: `/preview/${site.slug}/` },
          remove: ['.promote-staging-banner'],
        })
      ).map((png) => PNG.sync.read(png));
      expect(samePixels(after, staging)).toBe(false);
      // … but of exactly what production shows once the selection is promoted: its headline and its new image,
      // at each width as a load at that width shows it (the worker resized one load from 390 to 1280 px).
      const { body: job } = await client.promote(preview.fingerprint, { select }).expect(202);
      await client.waitForJob(job.id, 'succeeded', 60_000);
      for (const [i, width] of [390, 1280].entries()) {
        const [live] = await browser.screenshots({ url: `${base}/sites/${site.slug}/`, widths: [width] });
        const changed = compareScreenshots(PNG.sync.write(afters[i]), live).changedPercent;
        expect([width, samePixels(afters[i], PNG.sync.read(live)), changed]).toEqual([width, true, 0]);
      }
    }, 400_000);
  });

  describe('without Chromium', () => {
    let app: NestExpressApplication;
    beforeAll(async () => {
      app = await createTestApp(undefined, { VISUAL_DIFF_CHROMIUM: '/nonexistent/chromium' });
    });
    afterAll(() => app.close());

    it('answers unavailable with the reason, and the preview and promotion work as ever', async () => {
      const { site, fingerprint } = await demoWithTwoChangedPages(app);
      const { body } = await visual(app, site, `fingerprint=${fingerprint}`).expect(200);
      expect(body).toMatchObject({ status: 'unavailable', pages: [], fingerprint });
      expect(body.reason).toContain('/nonexistent/chromium');
      const client = stagingClient(app, site);
      const { body: job } = await client.promote(fingerprint).expect(202);
      await client.waitForJob(job.id);
      expect(app.get(ScreenshotBrowser).renders).toBe(0);
      expect((app.getHttpServer().address() as AddressInfo).port).toBeGreaterThan(0);
    });
  });
});

function samePixels(a: PNG, b: PNG): boolean {
  return a.width === b.width && a.height === b.height && Buffer.compare(a.data, b.data) === 0;
}

/** Pixels pixelmatch painted in its diff colour (pure red). */
function redPixels(image: PNG): number {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4)
    if (image.data[i] === 255 && image.data[i + 1] === 0 && image.data[i + 2] === 0) count++;
  return count;
}
