import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';

// The web console in headless Debian chromium (STACK.md §10), against the real app on a real port, with data
// made through the API. The screenshots in docs/screenshots/ come from this run, so docs/console.md stays true.
const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..');
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

const home = (heading: string, text: string) => ({
  title: 'Home',
  path: '/',
  blocks: [
    { id: 'h', type: 'heading', text: heading, level: 1 },
    { id: 't', type: 'text', text },
  ],
});

describe('web console (headless Chromium)', () => {
  let app: NestExpressApplication;
  let base: string;
  let browser: BrowserContext;
  let profile: string;
  let site: TestSite;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (as root)`);
    buildConsoleIfStale();
    app = await createTestApp();
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    profile = mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    browser.setDefaultTimeout(8000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    site = await namedSite('acme-coffee', 'Acme Coffee Roasters');
    const staging = stagingClient(app, site);
    await staging.put('theme', 'default', { colors: { primary: '#6b3e26' } });
    await staging.put('stylesheet', 'custom', { css: 'h1 { color: #6b3e26; }' });
    await staging.put('popup', 'winter', { title: 'Winter blend', body: 'Back in stock' });
    await staging.put('page', 'home', home('Fresh coffee', 'Roasted every Monday.'));
    await staging.publish('page', 'home');
    await staging.promoteAll(); // production v1, no snapshot yet
    // The change under review: a new heading and text on the home page, one popup added, one removed.
    await staging.put('page', 'home', home('Freshly roasted coffee', 'Roasted every morning, shipped the same day.'));
    await staging.publish('page', 'home');
    await staging.put('popup', 'spring', { title: 'Spring blend', body: 'Now roasting' });
    await staging.remove('popup', 'winter');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** A site with a readable slug for the screenshots (each test run has its own database). */
  async function namedSite(slug: string, name: string): Promise<TestSite> {
    const http = () => request(app.getHttpServer());
    const { body } = await http().post('/api/sites').set(auth()).send({ slug, name }).expect(201);
    const token = async (role: string, label: string) =>
      (await http().post(`/api/sites/${slug}/tokens`).set(auth()).send({ role, label }).expect(201)).body.token;
    return {
      id: body.id,
      slug,
      tokens: {
        owner: await token('owner', 'Olivia'),
        editor: await token('editor', 'Eddie'),
        reviewer: await token('reviewer', 'Rita'),
      },
    };
  }

  async function signIn(token: string, at = '/console/'): Promise<Page> {
    const page = await browser.newPage(); // a new tab: its own sessionStorage, so its own sign-in
    await page.goto(base + at);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });

  const productionHome = async (slug = site.slug) => (await fetch(`${base}/sites/${slug}/`)).text();

  it('serves the console with a fallback to its index for deep links, and refuses unknown assets', async () => {
    const index = await fetch(`${base}/console/sites/acme-coffee/promote`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    expect((await fetch(`${base}/console/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/console/..%2fpackage.json`)).status).toBe(404);
    const redirect = await fetch(`${base}/console`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/console/');
    const docs = await (await fetch(`${base}/api/docs-json`)).json();
    expect(Object.keys(docs.paths).some((p) => p.startsWith('/console'))).toBe(false);
  });

  it('lets an editor review the diff with the side-by-side page, promote with a snapshot and watch it finish', async () => {
    const page = await signIn(site.tokens.editor);
    await page.getByRole('link', { name: 'Acme Coffee Roasters' }).click();
    await page.getByRole('link', { name: 'Migration', exact: true }).click();
    await page.getByRole('heading', { name: 'Promote to Production' }).waitFor();
    await page.getByText('3 changes (1 added, 1 changed, 1 removed)').waitFor();

    // The diff, grouped by type with counts; the page's change opens to its delta and both renderings.
    await page.getByRole('button', { name: /^page 1 change: 1 changed/ }).click();
    await page.getByRole('button', { name: /Changed home/ }).click();
    await page.locator('.delta .jsondiffpatch-delta').waitFor();
    expect(await page.locator('.delta').textContent()).toContain('Freshly roasted coffee');
    const production = page.frameLocator('iframe[title="Production rendering of /"]');
    const staging = page.frameLocator('iframe[title="Staging rendering of /"]');
    expect(await production.locator('h1').textContent()).toBe('Fresh coffee');
    expect(await staging.locator('h1').textContent()).toBe('Freshly roasted coffee');
    await page.getByRole('button', { name: /^popup 2 changes/ }).click();
    await page.getByRole('button', { name: /Added spring/ }).waitFor();
    await page.getByRole('button', { name: /Removed winter/ }).waitFor();

    // The visual diff: the worker's Chromium renders the changed page; it opens to the before/after slider.
    const visualRow = page.getByRole('button', { name: /^\/ changed [\d.]+% changed$/ });
    await visualRow.waitFor({ timeout: 120_000 });
    await visualRow.click();
    await page.getByRole('slider').waitFor();
    await page.getByRole('img', { name: '/ in production at 1280px' }).waitFor();
    await page.getByLabel('Heatmap').check();
    await page.getByRole('img', { name: 'Changed pixels of / at 1280px, in red' }).waitFor();

    // Production has no snapshot yet, so "snapshot first" starts checked.
    const snapshotFirst = page.getByLabel('Take a production snapshot first');
    expect(await snapshotFirst.isChecked()).toBe(true);
    await shot(page, 'console-diff');

    await page.getByRole('button', { name: 'Promote to Production' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promote to Production?' });
    expect(await dialog.textContent()).toContain('1 added, 1 changed, 1 removed');
    expect(await dialog.textContent()).toContain('A snapshot of production version 1 is taken first.');
    await dialog.getByRole('button', { name: 'Promote 3 changes' }).click();

    const done = page.locator('[data-job-status="succeeded"]');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toMatch(/Done\. Production is now version 2\. Maintenance window: [\d.]+ ms/);
    expect(await done.locator('li[data-step="snapshot"] .step-state').textContent()).toBe('done');
    expect(await done.locator('progress').getAttribute('value')).toBe('100');
    await page.getByText('Nothing to promote').waitFor();
    await shot(page, 'console-promoted');

    expect(await productionHome()).toContain('Freshly roasted coffee');
    const { body: snapshots } = await request(app.getHttpServer())
      .get(`/api/sites/${site.slug}/snapshots`)
      .set(auth(site.tokens.reviewer))
      .expect(200);
    expect(snapshots.items).toEqual([expect.objectContaining({ origin: 'promotion', productionVersion: 1 })]);
    await page.close();
  });

  it('lets an owner take a snapshot and restore one, with a confirmation', async () => {
    const page = await signIn(site.tokens.owner, `/console/sites/${site.slug}/snapshots`); // a deep link
    await page.getByRole('heading', { name: 'Snapshots of production' }).waitFor();
    await page.getByLabel('Label', { exact: true }).fill('After the spring launch');
    await page.getByRole('button', { name: 'Take a snapshot of production v2' }).click();
    await page.getByRole('cell', { name: 'After the spring launch', exact: true }).waitFor();

    const before = page.getByRole('row').filter({ hasText: 'taken before a promotion' });
    await before.getByRole('button', { name: /^Restore/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this snapshot?' });
    expect(await dialog.textContent()).toContain('as production version 3');
    await dialog.getByRole('button', { name: 'Restore to production' }).click();
    const done = page.locator('[data-job-status="succeeded"]');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain('Production is now version 3');
    await shot(page, 'console-snapshots');
    expect(await productionHome()).toContain('Fresh coffee');
    expect(await productionHome()).not.toContain('Freshly roasted coffee');

    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('heading', { name: 'Last promotions' }).waitFor();
    await page.getByRole('cell', { name: 'Eddie (editor)' }).first().waitFor();
    await shot(page, 'console-overview');
    await page.close();
  });

  it('shows a reviewer the diff but no Promote, snapshot or edit controls', async () => {
    const page = await signIn(site.tokens.reviewer, `/console/sites/${site.slug}/promote`);
    await page.getByRole('heading', { name: 'Promote to Production' }).waitFor();
    await page.getByRole('button', { name: /^page 1 change/ }).waitFor(); // production went back: a diff again
    expect(await page.getByRole('button', { name: 'Promote to Production' }).count()).toBe(0);
    expect(await page.getByLabel('Take a production snapshot first').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Staging', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Client review', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'Snapshots', exact: true }).click();
    await page.getByRole('cell', { name: 'After the spring launch', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Take a snapshot|Restore|Delete/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Content', exact: true }).click();
    await page.getByRole('button', { name: /^home/ }).click();
    await page.getByText('Staging (read-only for your role)').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Save|Publish|Delete/ }).count()).toBe(0);
    await page.close();
  });

  it('explains a stale preview and shows the fresh diff; then promotes it', async () => {
    const other = await createSite(app, 'console-stale');
    const staging = stagingClient(app, other);
    await staging.put('page', 'home', home('Hello', 'First version'));
    await staging.publish('page', 'home');
    // 60 changed popups: the group pages through them, 25 at a time.
    const entities = Array.from({ length: 60 }, (_, i) => ({
      type: 'popup',
      key: `offer-${String(i).padStart(2, '0')}`,
      data: { title: `Offer ${i}` },
    }));
    await request(app.getHttpServer())
      .post(`/api/sites/${other.slug}/staging/import`)
      .set(auth(other.tokens.editor))
      .send({ entities })
      .expect((r) => expect(r.status).toBeLessThan(300));

    const page = await signIn(other.tokens.editor, `/console/sites/${other.slug}/promote`);
    await page.getByText('61 changes (61 added)').waitFor();
    await page.getByRole('button', { name: /^popup 60 changes/ }).click();
    await page.getByText('1–25 of 60').waitFor();
    expect(await page.locator('.diff-group[data-type="popup"] .change').count()).toBe(25);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('26–50 of 60').waitFor();

    // Someone else changes staging after the diff was loaded.
    await staging.put('page', 'about', { title: 'About', path: '/about', blocks: [] });
    await staging.publish('page', 'about');

    await page.getByRole('button', { name: 'Promote to Production' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Promote 61 changes' }).click();
    const notice = page.getByTestId('stale-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('nothing was promoted');
    await page.getByText('62 changes (62 added)').waitFor();
    const { body: history } = await request(app.getHttpServer())
      .get(`/api/sites/${other.slug}/promotions`)
      .set(auth(other.tokens.editor))
      .expect(200);
    expect(history.items).toHaveLength(0);

    await page.getByRole('button', { name: 'Promote to Production' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Promote 62 changes' }).click();
    await page.locator('[data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
    expect(await productionHome(other.slug)).toContain('Hello');
    await page.close();
  });

  it("marks drift from a hot-fix, keeps production's version on request, and asks before overwriting the rest", async () => {
    const other = await createSite(app, 'console-drift');
    const staging = stagingClient(app, other);
    await staging.put('popup', 'banner', { title: 'Welcome' });
    await staging.put('popup', 'hours', { title: 'Open 8–18' });
    await staging.promoteAll();
    const hotFix = (key: string, data: object) =>
      request(app.getHttpServer())
        .put(`/api/sites/${other.slug}/production/content/popup/${key}`)
        .set(auth(other.tokens.owner))
        .set('X-Break-Glass', 'storm closure')
        .send({ data })
        .expect(200);
    await hotFix('banner', { title: 'Closed today' });
    await hotFix('hours', { title: 'Open 10–16' });
    await staging.put('popup', 'sale', { title: 'Sale' }); // staging's own change: no drift

    const page = await signIn(other.tokens.editor, `/console/sites/${other.slug}/promote`);
    await page.getByTestId('drift-notice').getByText('Production changed 2 entities').waitFor();
    await page.getByRole('button', { name: /^popup 3 changes.*2 changed in production/ }).click();
    await page.getByRole('button', { name: /Changed banner\s*Changed in production/ }).click();
    const drift = page.getByTestId('drift-detail');
    expect(await drift.locator('.jsondiffpatch-delta').textContent()).toContain('Closed today');
    await shot(page, 'console-drift');
    await drift.getByRole('button', { name: 'Keep production’s version' }).click();
    await page.getByText('Staging now has production’s version of popup “banner”.').waitFor();
    await page.getByTestId('drift-notice').getByText('Production changed 1 entity').waitFor();
    expect(
      (await staging.http().get(`/api/sites/${other.slug}/staging/content/popup/banner`).set(auth())).body.data,
    ).toEqual({
      title: 'Closed today',
    });

    // The other hot-fix is overwritten only with the acknowledgement.
    const promote = page.getByRole('button', { name: 'Promote to Production' });
    expect(await promote.isDisabled()).toBe(true);
    await page.getByLabel(/I understand, overwrite production’s changes/).check();
    await promote.click();
    const dialog = page.getByRole('dialog', { name: 'Promote to Production?' });
    expect(await dialog.textContent()).toContain('This overwrites what production changed in 1 entity.');
    await dialog.getByRole('button', { name: 'Promote 2 changes' }).click();
    await page.locator('[data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
    await page.getByText('Nothing to promote').waitFor();
    expect(await page.getByTestId('drift-notice').count()).toBe(0);
    const production = (key: string) => staging.production('popup', key).then((r) => r.body.data.title);
    expect([await production('banner'), await production('hours'), await production('sale')]).toEqual([
      'Closed today',
      'Open 8–18',
      'Sale',
    ]);
    await page.close();
  });

  it('resets staging only after the slug is typed, and lists the backup it keeps', async () => {
    const other = await createSite(app, 'console-reset');
    const staging = stagingClient(app, other);
    await staging.put('popup', 'draft-only', { title: 'Work in progress' });
    const page = await signIn(other.tokens.owner, `/console/sites/${other.slug}/staging`);
    await page.getByText('No backup yet').waitFor();
    expect(await page.locator('#reset-what').textContent()).toContain('including unpublished drafts');
    const reset = page.getByRole('button', { name: 'Reset staging' });
    expect(await reset.isDisabled()).toBe(true);
    await page.getByLabel(/Type the site’s slug/).fill('not-the-slug');
    expect(await reset.isDisabled()).toBe(true);
    await page.getByLabel(/Type the site’s slug/).fill(other.slug);
    await reset.click();
    await page.locator('[data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'before a reset' }).waitFor();
    await staging.http().get(`/api/sites/${other.slug}/staging/content/popup/draft-only`).set(auth()).expect(404);
    await page.close();
  });

  it("rehearses a snapshot's restore on staging after the slug is typed, production untouched", async () => {
    const other = await createSite(app, 'console-rehearse');
    const staging = stagingClient(app, other);
    await staging.put('page', 'home', home('Autumn menu', 'Pumpkin spice.'));
    await staging.publish('page', 'home');
    await staging.promoteAll();
    await staging
      .http()
      .post(`/api/sites/${other.slug}/snapshots`)
      .set(auth(other.tokens.owner))
      .send({ label: 'Autumn' })
      .expect(201);
    await staging.put('page', 'home', home('Winter menu', 'Hot chocolate.'));
    await staging.publish('page', 'home');
    await staging.promoteAll();

    const page = await signIn(other.tokens.owner, `/console/sites/${other.slug}/snapshots`);
    await page.getByRole('button', { name: 'Rehearse on staging “Autumn”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rehearse this restore on staging?' });
    expect(await dialog.textContent()).toContain('Production does not change');
    const confirm = dialog.getByRole('button', { name: 'Rehearse on staging' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type the site’s slug/).fill(other.slug);
    await confirm.click();
    const done = page.locator('[data-job-status="succeeded"]');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain('Staging now has the snapshot’s content');
    const { body: home0 } = await staging
      .http()
      .get(`/api/sites/${other.slug}/staging/content/page/home`)
      .set(auth())
      .expect(200);
    expect(home0).toMatchObject({ published: { title: 'Home' }, version: 0 });
    expect(JSON.stringify(home0.published.blocks)).toContain('Autumn menu');
    expect(await productionHome(other.slug)).toContain('Winter menu');
    await page.getByRole('link', { name: 'See what restoring it would change' }).click();
    // Staging is in step with the snapshot: what production changed since is what the restore would overwrite.
    await page.getByTestId('drift-notice').getByText('Production changed 1 entity').waitFor();
    await page.close();
  });

  it('lets an editor create, copy and revoke a review link', async () => {
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await signIn(site.tokens.editor, `/console/sites/${site.slug}/review`);
    await page.getByLabel('Label', { exact: true }).fill('Client: Acme marketing');
    await page.getByRole('button', { name: 'Create review link' }).click();
    const link = await page.getByLabel('Review link').inputValue();
    expect(link).toMatch(new RegExp(`^${base}/preview/${site.slug}/\\?review=`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const row = page.getByRole('row').filter({ hasText: 'Client: Acme marketing' });
    await row.getByText('active').waitFor();
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await row.getByText('revoked').waitFor();
    expect((await fetch(link, { redirect: 'manual' })).status).not.toBe(303);
    await page.close();
  });

  it('shows a promotion someone else started, following it instead of starting another', async () => {
    const other = await createSite(app, 'console-busy');
    const staging = stagingClient(app, other);
    await staging.put('page', 'home', home('Busy', 'Someone else promotes this.'));
    await staging.publish('page', 'home');
    // Holding the site's job lock (as a busy worker would) keeps the owner's promotion queued meanwhile.
    const holder = app.get(DataSource).createQueryRunner();
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtextextended($1, 7))`, [`site-job:${other.id}`]);
      const { fingerprint } = await staging.preview();
      const { body: started } = await staging.promote(fingerprint, {}, other.tokens.owner).expect(202);

      const page = await signIn(other.tokens.editor, `/console/sites/${other.slug}/promote`);
      await page.getByText('is under way: here is its progress. It was not started again.').waitFor();
      await page.getByText('Queued: waiting for a worker.').waitFor();
      expect(await page.getByRole('button', { name: 'Promote to Production' }).count()).toBe(0);

      await holder.query(`select pg_advisory_unlock(hashtextextended($1, 7))`, [`site-job:${other.id}`]);
      await page.locator('[data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
      await page.getByText('Nothing to promote').waitFor();
      const { body: history } = await staging.http().get(`/api/sites/${other.slug}/promotions`).set(auth()).expect(200);
      expect(history.items.map((j: { id: string }) => j.id)).toEqual([started.id]);
      await page.close();
    } finally {
      await holder.release();
    }
  });

  it('shows the launch report above the diff, fixes a lost URL with one click, and asks before promoting over an error', async () => {
    const other = await createSite(app, 'console-launch');
    const staging = stagingClient(app, other);
    const page = (key: string, path: string) =>
      staging
        .put('page', key, { title: key, path, blocks: [{ id: 'h', type: 'heading', text: key, level: 1 }] })
        .then(() => staging.publish('page', key));
    await page('home', '/');
    await page('about', '/about');
    await page('menu', '/menu');
    await staging.promoteAll();
    await page('about', '/about-us'); // moves: fixable with a 301
    await staging.remove('page', 'menu'); // goes: acknowledged below

    const tab = await signIn(other.tokens.editor, `/console/sites/${other.slug}/promote`);
    const errors = tab.getByTestId('checks-error');
    await errors.getByText('Errors (2)').waitFor();
    await shot(tab, 'console-launch-checks');
    await errors.getByRole('button', { name: 'Add a 301 from /about to /about-us' }).click();
    await tab.getByText('Added a redirect from /about to /about-us in staging.').waitFor();
    await errors.getByText('Errors (1)').waitFor();

    const promote = tab.getByRole('button', { name: 'Promote to Production' });
    expect(await promote.isDisabled()).toBe(true);
    await tab.getByLabel(/I understand, promote despite 1 launch check error/).check();
    await promote.click();
    const dialog = tab.getByRole('dialog', { name: 'Promote to Production?' });
    expect(await dialog.textContent()).toContain('It goes ahead despite 1 launch check error');
    await dialog.getByRole('button', { name: /^Promote \d+ changes?$/ }).click();
    await tab.locator('[data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
    expect((await fetch(`${base}/sites/${other.slug}/about`, { redirect: 'manual' })).status).toBe(301);
    await tab.close();
  });

  it("shows a failed promotion's step and reason", async () => {
    const other = await createSite(app, 'console-fail');
    const staging = stagingClient(app, other);
    await staging.put('custom_field', 'colour', { objectType: 'ghost-type', name: 'colour', fieldType: 'text' });
    const page = await signIn(other.tokens.editor, `/console/sites/${other.slug}/promote`);
    await page.getByRole('button', { name: 'Promote to Production' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Promote 1 change' }).click();
    const failed = page.locator('[data-job-status="failed"]');
    await failed.waitFor({ timeout: 30_000 });
    const text = await failed.getByRole('alert').textContent();
    expect(text).toContain('Failed at step “Validate references”.');
    expect(text).toContain('ghost-type');
    await page.close();
  });

  it('shows the validation errors of a staging edit next to the field path the API names', async () => {
    const page = await signIn(site.tokens.editor, `/console/sites/${site.slug}/content`);
    await page.getByRole('button', { name: /^home/ }).click();
    const editor = page.getByLabel('Draft body (JSON)');
    await editor.waitFor();
    await editor.fill(JSON.stringify({ title: 'Home', path: 'no-slash', blocks: [] }));
    await page.getByRole('button', { name: 'Save draft' }).click();
    const alert = page.locator('.field-errors');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('data.path');

    // The same console on a phone: one column, nothing cut off.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('link', { name: 'Migration', exact: true }).click();
    await page.getByRole('heading', { name: 'Promote to Production' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'console-phone');
    await page.close();
  });

  it('lets an owner require approvals and set freeze windows, a reviewer approve, and shows stale approvals', async () => {
    const gated = await createSite(app, 'console-gates');
    const staging = stagingClient(app, gated);
    await staging.put('page', 'home', home('Fresh coffee', 'Roasted every Monday.'));
    await staging.publish('page', 'home');

    const owner = await signIn(gated.tokens.owner, `/console/sites/${gated.slug}`);
    await owner.getByRole('heading', { name: 'Release rules' }).waitFor();
    await owner.getByLabel('Approvals a promotion needs (0 to 5)').fill('1');
    await owner.getByRole('button', { name: 'Add a weekly window' }).click();
    await owner.getByTestId('freeze-window-0').getByLabel('time zone').fill('Mars/Olympus_Mons');
    await owner.getByRole('button', { name: 'Save release rules' }).click();
    await owner.getByText('body.freezeWindows[0].timeZone').waitFor(); // the API's field path, next to its message
    await owner.getByTestId('freeze-window-0').getByLabel('time zone').fill('Europe/Berlin');
    await owner.getByRole('button', { name: 'Save release rules' }).click();
    await owner.getByText('Saved.').waitFor();
    const { body: saved } = await request(app.getHttpServer()).get(`/api/sites/${gated.slug}`).set(auth()).expect(200);
    expect(saved).toMatchObject({
      requiredApprovals: 1,
      freezeWindows: [
        { weekday: 'friday', from: '18:00', to: '08:00', timeZone: 'Europe/Berlin', reason: 'Weekend freeze' },
      ],
    });
    // Smoke checks: two added, the first removed, the second saved with its expected text.
    const smoke = owner.locator('form.smoke-checks');
    await smoke.getByRole('button', { name: 'Add a check' }).click();
    await smoke.getByRole('button', { name: 'Add a check' }).click();
    await smoke.getByTestId('smoke-check-1').getByLabel('Path').fill('/menu');
    await smoke.getByTestId('smoke-check-1').getByLabel('containing').fill('Espresso');
    await smoke.getByRole('button', { name: 'Remove check 1' }).click();
    await smoke.getByRole('button', { name: 'Save smoke checks' }).click();
    await smoke.getByText('Saved.').waitFor();
    const { body: checked } = await request(app.getHttpServer())
      .get(`/api/sites/${gated.slug}`)
      .set(auth())
      .expect(200);
    expect(checked.smokeChecks).toEqual([{ path: '/menu', status: 200, contains: 'Espresso' }]);
    await owner.close();

    const reviewer = await signIn(gated.tokens.reviewer, `/console/sites/${gated.slug}/promote`);
    const state = reviewer.getByTestId('approval-state');
    await state.getByText('has 0 approvals').waitFor();
    expect(await state.textContent()).toContain('A promotion needs 1 approval of this version');
    await reviewer.getByLabel('Comment (optional)').fill('Checked on my phone');
    await reviewer.getByRole('button', { name: 'Approve this version (staging v1)' }).click();
    await state.getByText('has 1 approval').waitFor();
    await reviewer.locator('.approval-list').getByText('current').waitFor();
    expect(await reviewer.locator('.approval-list').textContent()).toContain('approved staging v1');

    await staging.put('page', 'home', home('Freshly roasted', 'Every morning.'));
    await staging.publish('page', 'home');
    await reviewer.getByRole('button', { name: 'Refresh the diff' }).click();
    await reviewer.getByText('stale: staging is now v2, production v0').waitFor();
    await state.getByText('has 0 approvals').waitFor();
    await reviewer.close();
  });

  it('lets an owner schedule the reviewed diff in a time zone, cancel it, and undo the last promotion', async () => {
    const other = await namedSite('schedule-demo', 'Schedule Demo');
    const staging = stagingClient(app, other);
    await staging.put('popup', 'launch', { title: 'Launch' });
    const page = await signIn(other.tokens.owner, `/console/sites/${other.slug}/promote`);
    await page.getByRole('heading', { name: 'Scheduled promotions' }).waitFor();
    await page.getByText('Nothing is scheduled.').waitFor();
    await page.getByLabel('Promote at').fill('2099-01-01T09:30'); // past the one-year limit: the API says so
    await page.getByLabel('Time zone').fill('Europe/Paris');
    await page.getByRole('button', { name: 'Schedule promotion' }).click();
    await page.getByText('runAt is more than a year ahead.').waitFor();
    const nextMonth = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel('Promote at').fill(`${nextMonth}T09:30`);
    await page.getByRole('button', { name: 'Schedule promotion' }).click();
    const item = page.getByTestId('scheduled-promotion');
    await item.waitFor();
    expect(await item.textContent()).toContain('(Europe/Paris)');
    const [job] = (
      await request(app.getHttpServer())
        .get(`/api/sites/${other.slug}/promotions?status=scheduled`)
        .set(auth(other.tokens.reviewer))
        .expect(200)
    ).body.items;
    expect(job).toMatchObject({ status: 'scheduled', timeZone: 'Europe/Paris' });
    await shot(page, 'console-scheduled');
    await item.getByRole('button', { name: /^Cancel/ }).click();
    await page.getByText('Nothing is scheduled.').waitFor();
    expect((await staging.job(job.id)).status).toBe('cancelled');

    // Promote now, then undo it from the overview's history.
    await staging.promoteAll();
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('button', { name: 'Undo this promotion' }).click();
    await page.getByText('Undoing: production goes back').waitFor();
    await eventually(async () => expect((await staging.production('popup', 'launch')).status).toBe(404));
    await page.close();
  });

  it('promotes only the ticked changes and whole types, with what they need, and leaves the rest pending', async () => {
    const other = await namedSite('select-demo', 'Selective Demo');
    const staging = stagingClient(app, other);
    await staging.put('page', 'home', home('Welcome', 'Hello.'));
    await staging.publish('page', 'home');
    await staging.promoteAll();
    await staging.put('form', 'order', {
      title: 'Order',
      fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    });
    const textPage = (title: string, pagePath: string, blocks: object[] = []) => ({
      title,
      path: pagePath,
      blocks: [{ id: 't', type: 'text', text: title }, ...blocks],
    });
    await staging.put('page', 'menu', textPage('Menu', '/menu', [{ id: 'f', type: 'form', form: 'order' }]));
    await staging.put('page', 'about', textPage('About us', '/about'));
    await staging.put('page', 'blog', textPage('Blog', '/blog'));
    for (const key of ['menu', 'about', 'blog']) await staging.publish('page', key);
    await staging.put('popup', 'sale', { title: 'Sale' });
    await staging.put('popup', 'promo', { title: 'Promo' });

    const page = await signIn(other.tokens.editor, `/console/sites/${other.slug}/promote`);
    await page.getByRole('heading', { name: 'Promote to Production' }).waitFor();
    await page.getByRole('button', { name: /^page 3 changes/ }).click();
    await page.getByRole('checkbox', { name: 'Select page menu' }).check();
    await page.getByRole('checkbox', { name: 'Select page about' }).check();
    await page.getByRole('checkbox', { name: 'Select every popup change' }).check();
    const panel = page.getByTestId('selection-panel');
    await panel.getByText('included because page menu needs it').waitFor();
    const promote = page.getByRole('button', { name: 'Promote 4 selected + 1 needed' });
    await promote.waitFor();
    expect(await panel.textContent()).toContain('form order');
    await shot(page, 'console-selective');

    await promote.click();
    const dialog = page.getByRole('dialog', { name: 'Promote to Production?' });
    expect(await dialog.textContent()).toContain('5 added');
    await dialog.getByRole('button', { name: 'Promote 4 selected + 1 needed' }).click();
    await page.locator('[data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
    await page.getByText('1 change (1 added)').waitFor();
    for (const [type, key] of [
      ['page', 'menu'],
      ['page', 'about'],
      ['form', 'order'],
      ['popup', 'sale'],
      ['popup', 'promo'],
    ])
      expect((await staging.production(type, key)).status).toBe(200);
    expect((await staging.production('page', 'blog')).status).toBe(404);
    await page.close();
  });

  it('lets an owner revert one entity of production to a snapshot, leaving the rest as it is', async () => {
    const other = await namedSite('revert-demo', 'Revert Demo');
    const staging = stagingClient(app, other);
    await staging.put('popup', 'banner', { title: 'Spring banner' });
    await staging.put('popup', 'notice', { title: 'Spring notice' });
    await staging.promoteAll();
    await request(app.getHttpServer())
      .post(`/api/sites/${other.slug}/snapshots`)
      .set(auth(other.tokens.owner))
      .send({ label: 'Spring' })
      .expect(201);
    await staging.put('popup', 'banner', { title: 'Summer banner' });
    await staging.put('popup', 'notice', { title: 'Summer notice' });
    await staging.promoteAll();

    const page = await signIn(other.tokens.owner, `/console/sites/${other.slug}/snapshots`);
    await page.getByRole('heading', { name: 'Revert one entity' }).waitFor();
    await page.getByLabel('To snapshot').selectOption({ label: 'Spring (v1)' });
    await page.getByLabel('Type', { exact: true }).selectOption('popup');
    await page.getByLabel('Key', { exact: true }).fill('banner');
    await page.getByRole('button', { name: 'Revert this entity' }).click();
    const done = page.locator('[data-job-status="succeeded"]');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain('Production is now version 3');
    expect((await staging.production('popup', 'banner')).body.data.title).toBe('Spring banner');
    expect((await staging.production('popup', 'notice')).body.data.title).toBe('Summer notice');
    await page.close();
  });
});

/** `npx jest test/console` alone should not test an old build: rebuild when a console source is newer. */
function buildConsoleIfStale(): void {
  const built = path.join(ROOT, 'console', 'dist', 'index.html');
  const newest = (dir: string): number =>
    Math.max(
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs,
      ),
    );
  const sources = Math.max(
    newest(path.join(ROOT, 'console', 'src')),
    statSync(path.join(ROOT, 'console', 'index.html')).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'console/vite.config.mts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' }, // jest's NODE_ENV=test would bundle React's development build
  });
}
