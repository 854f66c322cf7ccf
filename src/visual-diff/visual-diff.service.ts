import { Inject, Injectable } from '@nestjs/common';
import type { MediaStore } from '../../libs/media-storage';
import { ContentService } from '../content/content.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { parseFingerprint } from '../promotion/fingerprint';
import { PreviewService } from '../promotion/preview.service';
import { type Selection, selectionHash } from '../promotion/selection';
import type { Site } from '../sites/site.types';
import { type ChangedPage, changedPages } from './changed-pages';
import { chromiumMissing } from './chromium';
import { RenderOrigin } from './render-origin';
import type { VisualDiffDto, VisualDiffImage, VisualDiffPageDto } from './visual-diff.dto';
import { VisualDiffQueue } from './visual-diff-queue';
import { visualDiffArtifact } from './visual-diff-artifacts';
import { type ComparedPair, type VisualDiffRow, VisualDiffsRepository } from './visual-diffs.repository';

/** What a visual diff is asked for: a preview's fingerprint (and a selective one's selection), at these widths. */
export interface VisualDiffRequest {
  fingerprint: string;
  widths: number[];
  selection?: Selection;
}

/** Screenshots of every changed page, before and after, and how much of each changed: asked for by the console. */
@Injectable()
export class VisualDiffService {
  constructor(
    private readonly transactions: Transactions,
    private readonly diffs: VisualDiffsRepository,
    private readonly queue: VisualDiffQueue,
    private readonly previews: PreviewService,
    private readonly content: ContentService,
    private readonly origin: RenderOrigin,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * Where the visual diff of this preview stands. The first call asks for every comparison (rendered by the
   * workers); a later one, or another preview of the same two states, finds them done. "After" is the
   * candidate state, which the first worker to render builds; a selective preview's pages are its closure's.
   */
  async overview(site: Site, request: VisualDiffRequest): Promise<VisualDiffDto> {
    const { widths, selection } = request;
    const fingerprint = parseFingerprint(request.fingerprint);
    if (!fingerprint)
      throw new AppError('validation_failed', 'fingerprint is not a preview fingerprint.', [
        { path: 'fingerprint', message: 'must look like c<n>-h<n>' },
      ]);
    if (fingerprint.selection && !selection)
      throw new AppError('validation_failed', "This is a selective preview's fingerprint: send its selection too.", [
        { path: 'select', message: 'the entities and types previewed' },
      ]);
    if (selection && fingerprint.selection !== selectionHash(selection))
      throw new AppError('stale_preview', 'This selection is not the one the fingerprint was previewed with.', [
        { fingerprint: request.fingerprint },
      ]);
    const base = { fingerprint: request.fingerprint, widths, pages: [], pagesTotal: 0 };
    const reason = this.unavailableBecause();
    if (reason) return { ...base, status: 'unavailable', reason };
    const { pages, total } = await changedPages(
      this.previews,
      this.content,
      site,
      request.fingerprint,
      this.config.visualDiff.maxPages,
      selection,
    );
    const pair = { siteId: site.id, productionStateId: fingerprint.headStateId, candidate: request.fingerprint };
    await this.diffs.request(
      this.transactions.autocommit,
      pair,
      pages.flatMap((page) =>
        widths.map((width) => ({
          path: page.path,
          beforePath: page.beforePath,
          width,
          entityType: page.type,
          entityKey: page.key,
        })),
      ),
    );
    const rows = await this.rowsFor(pair, pages, widths);
    await this.queue.enqueue(pendingByPage(rows), selection);
    const described = pages.map((page) => describePage(site, page, rows, widths)).sort(byChange);
    const rendering = described.some((page) => page.status === 'pending');
    return { ...base, status: rendering ? 'pending' : 'ready', reason: null, pages: described, pagesTotal: total };
  }

  /** One of a comparison's PNGs; another site's comparison is not found. */
  async image(site: Site, id: string, image: VisualDiffImage): Promise<Buffer> {
    const row = await this.diffs.find(this.transactions.autocommit, site.id, id);
    const bytes = row?.status === 'ready' ? await this.store.getArtifact(visualDiffArtifact(row, image)) : null;
    if (!bytes) throw new AppError('not_found', 'No such visual diff image (yet).');
    return bytes;
  }

  private unavailableBecause(): string | null {
    const origin = this.origin.resolve();
    return chromiumMissing(this.config.visualDiff.chromiumPath) ?? ('missing' in origin ? origin.missing : null);
  }

  private async rowsFor(pair: ComparedPair, pages: ChangedPage[], widths: number[]): Promise<VisualDiffRow[]> {
    const paths = pages.map((page) => page.path);
    return this.diffs.listFor(this.transactions.autocommit, pair, paths, widths);
  }
}

/** The pending rows' ids, one list per page (its widths): a worker renders a page's widths from one load. */
function pendingByPage(rows: VisualDiffRow[]): string[][] {
  const byPath = new Map<string, string[]>();
  for (const row of [...rows].sort((a, b) => a.width - b.width))
    if (row.status === 'pending') byPath.set(row.path, [...(byPath.get(row.path) ?? []), row.id]);
  return [...byPath.values()];
}

function describePage(site: Site, page: ChangedPage, rows: VisualDiffRow[], widths: number[]): VisualDiffPageDto {
  const mine = widths.map((width) => rows.find((row) => row.path === page.path && row.width === width)!);
  const ready = mine.filter((row) => row.status === 'ready');
  const status = mine.some((row) => row.status === 'pending')
    ? 'pending'
    : mine.some((row) => row.status === 'failed')
      ? 'failed'
      : 'ready';
  return {
    ...page,
    status,
    changedPercent: ready.length ? Math.max(...ready.map((row) => row.changedPercent!)) : null,
    widths: mine.map((row) => ({
      width: row.width,
      status: row.status,
      changedPercent: row.changedPercent,
      reason: row.reason,
      images: row.status === 'ready' ? imageUrls(site, row.id) : null,
    })),
  };
}

function imageUrls(site: Site, id: string): Record<VisualDiffImage, string> {
  const url = (image: VisualDiffImage) => `/api/sites/${site.slug}/promotion/visual-diffs/${id}/${image}.png`;
  return { before: url('before'), after: url('after'), heatmap: url('heatmap') };
}

// Most changed first; the pending after every ready page, the failed last.
const RANK = { ready: 0, pending: 1, failed: 2 } as const;
function byChange(a: VisualDiffPageDto, b: VisualDiffPageDto): number {
  return (
    RANK[a.status] - RANK[b.status] || (b.changedPercent ?? 0) - (a.changedPercent ?? 0) || a.path.localeCompare(b.path)
  );
}
