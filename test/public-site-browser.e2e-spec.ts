import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { breakGlass } from './public-content';
import { stagingClient } from './staging';

// The public site as a visitor's browser runs it (headless Debian chromium, STACK.md §10): hostile content
// stays text, tracking waits for consent, popups open, forms submit, and a review link works in a plain browser.
const CHROMIUM = '/usr/bin/chromium';
const PWN = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"'><svg onload="window.__pwned=3">`;

describe('the public site in a browser', () => {
  let app: NestExpressApplication;
  let base: string;
  let browser: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    app = await createTestApp();
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    profile = mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    browser.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
    await app.close();
  });

  async function newPage() {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Whatever the page's Content-Security-Policy blocks, from the DOM event and from the console alike.
    const violations: string[] = [];
    await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    return { page, dialogs, violations };
  }

  it('shows hostile text as text: nothing it carries runs', async () => {
    const site = await createSite(app, 'browser-xss');
    await breakGlass(app, site, 'site_settings', 'default', { title: PWN, description: PWN });
    await breakGlass(app, site, 'page', 'home', {
      title: PWN,
      path: '/',
      blocks: [
        { id: 'h', type: 'heading', text: PWN, level: 1 },
        { id: 't', type: 'text', text: PWN },
        { id: 'l', type: 'link', text: PWN, href: 'javascript:window.__pwned=4' },
      ],
    });
    const { page, dialogs } = await newPage();
    await page.goto(`${base}/sites/${site.slug}/`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('h1').textContent()).toBe(PWN);
    expect(await page.title()).toContain(PWN);
    expect(await page.locator('img[src="x"], svg').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('loads no tracking script and sends no page view before consent, and both after Accept', async () => {
    const site = await createSite(app, 'browser-consent');
    await breakGlass(app, site, 'consent_rule', 'analytics', {
      category: 'analytics',
      bannerText: 'May we count your visit?',
      scripts: [{ src: '/tracker.js' }],
    });
    await breakGlass(app, site, 'popup', 'hello', { title: 'Hello there', trigger: { on: 'delay', delaySeconds: 0 } });
    await breakGlass(app, site, 'page', 'home', { title: 'Home', path: '/', blocks: [] });
    const { page } = await newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${base}/sites/${site.slug}/`);
    await page.getByText('Hello there').waitFor(); // the popup opened by its trigger
    await page.getByText('May we count your visit?').waitFor();
    expect(requested.filter((p) => p.endsWith('/tracker.js') || p.endsWith('/collect'))).toEqual([]);

    await page.getByRole('button', { name: 'Accept' }).click();
    await eventually(async () => expect(requested).toContain(`/sites/${site.slug}/tracker.js`));
    await eventually(async () => {
      const { body } = await request(app.getHttpServer())
        .get(`/api/sites/${site.slug}/production/analytics`)
        .set(auth(site.tokens.owner))
        .expect(200);
      expect(body.byEvent).toEqual({ page_view: 1 });
      expect(body.byPath).toEqual({ '/': 1 });
    });
    // The choice is remembered: the next page view needs no banner and tracks at once.
    await page.reload();
    expect(await page.locator('#promote-consent').isHidden()).toBe(true);
    await page.close();
  });

  it('submits a form block and lands on the thank-you page', async () => {
    const site = await createSite(app, 'browser-form');
    await breakGlass(app, site, 'form', 'contact', {
      title: 'Contact',
      fields: [
        { name: 'email', type: 'email', label: 'Email', required: true },
        { name: 'message', type: 'textarea', label: 'Message' },
      ],
      successMessage: 'Thanks, we will write back.',
    });
    await breakGlass(app, site, 'page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'f', type: 'form', form: 'contact' }],
    });
    const { page } = await newPage();
    await page.goto(`${base}/sites/${site.slug}/`);
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Message').fill('Two kilos, please.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thanks, we will write back.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sites/${site.slug}/forms/contact/thank-you`);
    const { body } = await request(app.getHttpServer())
      .get(`/api/sites/${site.slug}/production/submissions`)
      .set(auth(site.tokens.owner))
      .expect(200);
    expect(body.items[0].data).toEqual({ email: 'ada@example.com', message: 'Two kilos, please.' });
    await page.close();
  });

  it('runs the page’s own script, theme and custom CSS under its CSP on production, preview and 404 pages', async () => {
    const site = await createSite(app, 'browser-csp');
    const design: [string, string, unknown][] = [
      ['theme', 'default', { colors: { primary: '#0a0b0c' } }],
      ['stylesheet', 'default', { css: '.text p { color: rgb(1, 2, 3) }' }],
      ['popup', 'hello', { title: 'Hello there', trigger: { on: 'load' } }],
      [
        'page',
        'home',
        {
          title: 'Home',
          path: '/',
          blocks: [
            { id: 't', type: 'text', text: 'Styled' },
            { id: 'b', type: 'button', text: 'Shop', href: '/shop' },
          ],
        },
      ],
    ];
    const staging = stagingClient(app, site);
    for (const [type, key, data] of design) {
      await breakGlass(app, site, type, key, data);
      await staging.put(type, key, data);
    }
    await staging.publish('page', 'home');
    const { body: link } = await request(app.getHttpServer())
      .post(`/api/sites/${site.slug}/review-links`)
      .set(auth(site.tokens.editor))
      .send({ expiresInHours: 1 })
      .expect(201);
    for (const url of [`/sites/${site.slug}/`, link.url, `/sites/${site.slug}/no-such-page`]) {
      const { page, violations } = await newPage();
      const response = await page.goto(base + url);
      expect(await response!.headerValue('content-security-policy')).toContain("frame-ancestors 'self'");
      await page.getByText('Hello there').waitFor(); // the popup: the client script ran
      if (!url.endsWith('no-such-page')) {
        expect(await page.locator('.text p').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(1, 2, 3)');
        expect(await page.locator('a.button').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
          'rgb(10, 11, 12)',
        );
      }
      expect({ url, violations }).toEqual({ url, violations: [] });
      await page.close();
    }
  });

  it('sanitises an html block by default and runs it as written once the owner trusts custom code', async () => {
    const site = await createSite(app, 'browser-html');
    const custom = `<p id="c">Custom</p><script>window.__custom = 1</script><img src="x" onerror="window.__pwned = 1">`;
    await breakGlass(app, site, 'page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'h', type: 'html', html: custom }],
    });
    const state = async () => {
      const { page, violations } = await newPage();
      await page.goto(`${base}/sites/${site.slug}/`);
      await page.getByText('Custom').waitFor();
      const ran = await page.evaluate(() => {
        const w = window as unknown as { __custom?: number; __pwned?: number };
        return { custom: w.__custom ?? null, pwned: w.__pwned ?? null };
      });
      await page.close();
      return { ran, violations };
    };
    expect(await state()).toEqual({ ran: { custom: null, pwned: null }, violations: [] });
    await request(app.getHttpServer())
      .patch(`/api/sites/${site.slug}`)
      .set(auth(site.tokens.owner))
      .send({ trustedCustomCode: true })
      .expect(200);
    await eventually(async () => expect((await state()).ran).toEqual({ custom: 1, pwned: 1 }));
    expect((await state()).violations).toEqual([]);
  });

  it('opens a review link in a plain browser and keeps the preview through its cookie', async () => {
    const site: TestSite = await createSite(app, 'browser-review');
    const staging = stagingClient(app, site);
    await staging.put('page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 't', type: 'text', text: 'Spring menu' }],
    });
    await staging.publish('page', 'home');
    await staging.put('page', 'menu', { title: 'Menu', path: '/menu', blocks: [] });
    await staging.publish('page', 'menu');
    const { body: link } = await request(app.getHttpServer())
      .post(`/api/sites/${site.slug}/review-links`)
      .set(auth(site.tokens.editor))
      .send({ expiresInHours: 1 })
      .expect(201);
    const { page } = await newPage();
    await page.goto(base + link.url);
    expect(new URL(page.url()).search).toBe(''); // the token left the address bar
    await page.getByText('Spring menu').waitFor();
    await page.getByText(/Staging preview · version \d+/).waitFor();
    const menu = await page.goto(`${base}/preview/${site.slug}/menu`);
    expect(menu!.status()).toBe(200);
    await page.close();
  });
  it('lets a client approve the version on screen from the review link, under the strict policy', async () => {
    const site = await createSite(app, 'browser-approve');
    const staging = stagingClient(app, site);
    await staging.put('page', 'home', { title: 'Home', path: '/', blocks: [{ id: 't', type: 'text', text: 'New' }] });
    await staging.publish('page', 'home');
    const { fingerprint } = await staging.preview();
    const { body: link } = await request(app.getHttpServer())
      .post(`/api/sites/${site.slug}/review-links`)
      .set(auth(site.tokens.editor))
      .send({ expiresInHours: 1, label: 'Acme client' })
      .expect(201);
    const { page, dialogs, violations } = await newPage();
    await page.goto(base + link.url);
    await page.getByText('Approve this version').first().click(); // the banner's <details>
    // The field takes 100 characters, as the server does.
    const name = PWN.slice(0, 100);
    await page.getByLabel('Your name').fill(PWN);
    await page.getByLabel('Comment (optional)').fill('Ready to go');
    await page.getByRole('button', { name: 'Approve this version' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(
      `${name}, your approval of staging version 1 is recorded.`,
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);

    const { body } = await request(app.getHttpServer())
      .get(`/api/sites/${site.slug}/promotion/approvals`)
      .set(auth(site.tokens.reviewer))
      .expect(200);
    expect(body.items).toMatchObject([
      {
        fingerprint,
        current: true,
        comment: 'Ready to go',
        approver: { kind: 'review_link', label: 'Acme client', name },
      },
    ]);
    await page.close();
  });
});
