import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { MediaStore } from '../../libs/media-storage';
import { QueueName } from '../jobs/job-names';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { Transactions } from '../platform/database/transactions';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { CandidateStates } from '../promotion/candidate-states';
import { pairOf, parseFingerprint, sameFingerprint } from '../promotion/fingerprint';
import { PreviewService } from '../promotion/preview.service';
import type { Selection } from '../promotion/selection';
import { AppError } from '../platform/errors/app-error';
import { CANDIDATE_HEADER, mountOf } from '../public-site/site-target';
import { SitesService } from '../sites/sites.service';
import { chromiumMissing } from './chromium';
import { compareScreenshots } from './compare-screenshots';
import { RenderOrigin } from './render-origin';
import { ScreenshotBrowser, ScreenshotError } from './screenshot-browser';
import { visualDiffArtifact } from './visual-diff-artifacts';
import { MAX_VISUAL_DIFF_ATTEMPTS, type VisualDiffJob } from './visual-diff-queue';
import { type VisualDiffRow, VisualDiffsRepository } from './visual-diffs.repository';

class StaleCandidate extends Error {}

const ORIGIN_POLL_MS = 1000;
// Staging's "Staging preview · version n" bar (libs/site-renderer's document template): not part of the page.
const STAGING_ONLY = ['.promote-staging-banner'];

/**
 * Renders one page, at each width asked, on production and as the preview's candidate state would show it
 * (production's head with what the preview ships, seen through staging's mount) through the public site's HTTP
 * routes, compares the two at each width and keeps the three PNGs. The fingerprint is checked before and after
 * rendering: a page rendered while staging or production moved is not what the rows name, so they are recorded
 * as failed, never as ready.
 */
@Processor(QueueName.VisualDiffs, { autorun: false })
export class VisualDiffProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(VisualDiffProcessor.name);
  private waiting?: NodeJS.Timeout;

  constructor(
    private readonly transactions: Transactions,
    private readonly diffs: VisualDiffsRepository,
    private readonly previews: PreviewService,
    private readonly candidates: CandidateStates,
    private readonly sites: SitesService,
    private readonly browser: ScreenshotBrowser,
    private readonly origin: RenderOrigin,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {
    super();
  }

  // Only a process that can render takes comparisons: one with Chromium and a public site to load pages from
  // (its own once it listens, or VISUAL_DIFF_BASE_URL). Another would fail pages that a capable one would not.
  onApplicationBootstrap(): void {
    if (chromiumMissing(this.config.visualDiff.chromiumPath)) return;
    const start = () => {
      if ('missing' in this.origin.resolve()) return;
      clearInterval(this.waiting);
      // The decorator's options are fixed at compile time; the bound on pages rendered at once is configured.
      this.worker.concurrency = this.config.visualDiff.concurrency;
      this.worker.run().catch((error: Error) => this.logger.error(`visual diff worker stopped: ${error.message}`));
    };
    this.waiting = setInterval(start, ORIGIN_POLL_MS).unref();
    start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.waiting);
    await this.worker.close();
  }

  async process(job: Job<VisualDiffJob>): Promise<void> {
    const rows = await this.diffs.findPending(this.transactions.autocommit, job.data.visualDiffIds);
    if (!rows.length) return;
    try {
      const changed = await this.compare(rows, job.data.selection);
      for (const [i, row] of rows.entries())
        await this.diffs.finish(this.transactions.autocommit, row.id, { status: 'ready', changedPercent: changed[i] });
    } catch (error) {
      const pageFault = error instanceof ScreenshotError || error instanceof StaleCandidate;
      if (!pageFault && job.attemptsMade + 1 < MAX_VISUAL_DIFF_ATTEMPTS) throw error;
      const reason = pageFault ? (error as Error).message : `Could not compare: ${(error as Error).message}`;
      for (const row of rows)
        await this.diffs.finish(this.transactions.autocommit, row.id, { status: 'failed', reason });
    }
  }

  /** One page's rows (its widths, one pair and path): both sides loaded once, each width compared and kept. */
  private async compare(rows: VisualDiffRow[], selection?: Selection): Promise<number[]> {
    const [row] = rows;
    const origin = this.origin.resolve();
    if ('missing' in origin) throw new ScreenshotError(origin.missing);
    const site = await this.sites.findBySlugOrId(row.siteId);
    if (!site) throw new StaleCandidate('The site was deleted.');
    await this.assertCurrent(row);
    const shown = await this.candidateHeaders(row, selection);
    const widths = rows.map((r) => r.width);
    const before = await this.browser.screenshots({
      url: `${origin.baseUrl}${mountOf('production', site.slug)}${row.beforePath}`,
      widths,
    });
    const stagingMount = mountOf('staging', site.slug);
    const after = await this.browser.screenshots({
      url: `${origin.baseUrl}${stagingMount}${row.path}`,
      widths,
      authorization: {
        headers: { authorization: `Bearer ${this.config.adminToken}`, ...shown },
        authorizedPath: `${stagingMount}/`,
      },
      remove: STAGING_ONLY,
    });
    await this.assertCurrent(row);
    const changed: number[] = [];
    for (const [i, compared] of rows.entries()) {
      const comparison = compareScreenshots(before[i], after[i]);
      for (const image of ['before', 'after', 'heatmap'] as const)
        await this.store.putArtifact(visualDiffArtifact(compared, image), comparison[image], 'image/png');
      changed.push(comparison.changedPercent);
    }
    return changed;
  }

  /**
   * The header that makes staging's mount show the preview's candidate state (the first page's worker builds
   * it, the others find it), with the media it adds copied to production's bucket, where a state's media are
   * served from.
   */
  private async candidateHeaders(row: VisualDiffRow, selection?: Selection): Promise<Record<string, string>> {
    const fingerprint = parseFingerprint(row.candidate)!;
    const stateId = await this.candidates.ensure(row.siteId, fingerprint, selection).catch((error) => {
      if (error instanceof AppError) throw new StaleCandidate(error.message);
      throw error;
    });
    await this.store.copyToProduction(await this.candidates.mediaToCopy(stateId, fingerprint.headStateId));
    return { [CANDIDATE_HEADER]: String(stateId) };
  }

  private async assertCurrent(row: VisualDiffRow): Promise<void> {
    const { fingerprint } = await this.previews.current(this.transactions.autocommit, row.siteId);
    // A selective row's fingerprint is the pair plus its selection, which cannot change under it.
    if (!sameFingerprint(fingerprint, pairOf(parseFingerprint(row.candidate)!)))
      throw new StaleCandidate('Staging or production changed before this page was rendered: preview again.');
  }
}
