import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { chromiumMissing } from './chromium';

/** A page of the public site to photograph: where, how wide, and the header that lets it see staging. */
export interface ScreenshotRequest {
  url: string;
  /** Each a screenshot of the one load, the viewport resized between them (narrowest first is as good as any). */
  widths: readonly number[];
  /**
   * Headers (the staging credential, the candidate to show) sent only with requests to the page's own origin
   * under `authorizedPath`, never to another host.
   */
  authorization?: { headers: Record<string, string>; authorizedPath: string };
  /** Elements removed before the screenshots (what only one side shows and is not the page, e.g. a banner). */
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
  /** Page loads by this process (the cache test counts them). */
  renders = 0;

  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  async beforeApplicationShutdown(): Promise<void> {
    const browser = await this.browser?.catch(() => null);
    this.browser = null;
    await browser?.close();
  }

  /**
   * PNGs of the whole page (each up to MAX_PAGE_HEIGHT px) at each width, in order, within the per-page time
   * limit. The page loads once: the viewport is resized for each further width, which lays it out again as
   * the media queries say, without a new load (and a new renderer process) per width.
   */
  async screenshots(request: ScreenshotRequest): Promise<Buffer[]> {
    const browser = await this.launched();
    const timeout = this.config.visualDiff.pageTimeoutMs;
    const origin = new URL(request.url).origin;
    const context = await browser.newContext({
      viewport: { width: request.widths[0], height: VIEWPORT_HEIGHT },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    const deadline = setTimeout(() => void context.close().catch(() => {}), timeout);
    let width = request.widths[0];
    try {
      this.renders++;
      context.setDefaultTimeout(timeout);
      // Nothing leaves for another host: renders stay deterministic, and the staging credential stays here.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) return route.abort();
        const auth = request.authorization;
        if (!auth || !url.pathname.startsWith(auth.authorizedPath)) return route.continue();
        return route.continue({ headers: { ...route.request().headers(), ...auth.headers } });
      });
      const page = await context.newPage();
      const response = await page.goto(request.url, { waitUntil: 'load', timeout });
      const status = response?.status() ?? 0;
      if (status === 401 || status === 403 || status >= 500)
        throw new ScreenshotError(`${new URL(request.url).pathname} answered ${status}`);
      await page.evaluate(async (selectors) => {
        for (const element of document.querySelectorAll(selectors.join(',') || ':not(*)')) element.remove();
        // Loaded is not yet decoded: a screenshot taken meanwhile may paint an image half or not at all.
        await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
        await document.fonts.ready;
      }, request.remove ?? []);
      const shots: Buffer[] = [];
      for (width of request.widths) {
        if (width !== page.viewportSize()?.width) {
          await page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
          // Two frames: the new layout is done and painted before the page is measured.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        }
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        shots.push(
          await page.screenshot({
            fullPage: true,
            animations: 'disabled',
            caret: 'hide',
            clip: { x: 0, y: 0, width, height: Math.max(1, Math.min(height, MAX_PAGE_HEIGHT)) },
          }),
        );
      }
      return shots;
    } catch (error) {
      if (error instanceof ScreenshotError) throw error;
      // A closed context is the time limit having struck; the message says which page.
      throw new ScreenshotError(
        `${new URL(request.url).pathname} at ${width}px: ${firstLine((error as Error).message)}`,
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
