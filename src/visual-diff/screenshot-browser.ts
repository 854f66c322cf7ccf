import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { chromiumMissing } from './chromium';

/** A page of the public site to photograph: where, how wide, and the header that lets it see staging. */
export interface ScreenshotRequest {
  url: string;
  width: number;
  /** Sent only with requests to the page's own origin under `authorizedPath` (never to another host). */
  authorization?: { header: string; authorizedPath: string };
  /** Elements removed before the screenshot (what only one side shows and is not the page, e.g. a banner). */
  remove?: readonly string[];
}

export class ScreenshotError extends Error {}

// The viewport's height only matters for what loads lazily; the screenshot is of the whole page, up to this.
const VIEWPORT_HEIGHT = 900;
const MAX_PAGE_HEIGHT = 10_000;

/**
 * One headless Chromium per process, launched on first use and shared by every page it renders (each in its
 * own context, so cookies and storage never leak between environments). It is relaunched after a crash.
 */
@Injectable()
export class ScreenshotBrowser implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ScreenshotBrowser.name);
  private browser: Promise<Browser> | null = null;
  /** Pages rendered by this process (the cache test counts them). */
  renders = 0;

  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  async beforeApplicationShutdown(): Promise<void> {
    const browser = await this.browser?.catch(() => null);
    this.browser = null;
    await browser?.close();
  }

  /** A PNG of the whole page (up to MAX_PAGE_HEIGHT px) at this width, within the per-page time limit. */
  async screenshot(request: ScreenshotRequest): Promise<Buffer> {
    const browser = await this.launched();
    const timeout = this.config.visualDiff.pageTimeoutMs;
    const origin = new URL(request.url).origin;
    const context = await browser.newContext({
      viewport: { width: request.width, height: VIEWPORT_HEIGHT },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    const deadline = setTimeout(() => void context.close().catch(() => {}), timeout);
    try {
      this.renders++;
      context.setDefaultTimeout(timeout);
      // Nothing leaves for another host: renders stay deterministic, and the staging credential stays here.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) return route.abort();
        const auth = request.authorization;
        if (!auth || !url.pathname.startsWith(auth.authorizedPath)) return route.continue();
        return route.continue({ headers: { ...route.request().headers(), authorization: auth.header } });
      });
      const page = await context.newPage();
      const response = await page.goto(request.url, { waitUntil: 'load', timeout });
      const status = response?.status() ?? 0;
      if (status === 401 || status === 403 || status >= 500)
        throw new ScreenshotError(`${new URL(request.url).pathname} answered ${status}`);
      await page.evaluate(async (selectors) => {
        for (const element of document.querySelectorAll(selectors.join(',') || ':not(*)')) element.remove();
        await document.fonts.ready;
      }, request.remove ?? []);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      return await page.screenshot({
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
        clip: { x: 0, y: 0, width: request.width, height: Math.max(1, Math.min(height, MAX_PAGE_HEIGHT)) },
      });
    } catch (error) {
      if (error instanceof ScreenshotError) throw error;
      // A closed context is the time limit having struck; the message says which page.
      throw new ScreenshotError(
        `${new URL(request.url).pathname} at ${request.width}px: ${firstLine((error as Error).message)}`,
      );
    } finally {
      clearTimeout(deadline);
      await context.close().catch(() => {});
    }
  }

  private launched(): Promise<Browser> {
    if (this.browser) return this.browser;
    const missing = chromiumMissing(this.config.visualDiff.chromiumPath);
    if (missing) return Promise.reject(new ScreenshotError(missing));
    // Loaded on first use: playwright-core costs every process start (API, worker, each test file) about 0.3 s
    // of CPU, and most never render.
    const launching = import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath: this.config.visualDiff.chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
      }),
    );
    this.browser = launching;
    launching.then(
      (browser) =>
        browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = null;
        }),
      (error: Error) => {
        this.logger.warn(`Chromium did not start: ${firstLine(error.message)}`);
        if (this.browser === launching) this.browser = null;
      },
    );
    return launching.catch((error: Error) => {
      throw new ScreenshotError(`Chromium did not start: ${firstLine(error.message)}`);
    });
  }
}

const firstLine = (message: string): string => message.split('\n')[0].slice(0, 300);
