import { routeOf } from '../../libs/content-model';
import type { ContentService } from '../content/content.service';
import { AppError } from '../platform/errors/app-error';
import type { PreviewChange, PreviewService } from '../promotion/preview.service';
import type { Selection } from '../promotion/selection';
import type { Site } from '../sites/site.types';

export interface ChangedPage {
  type: 'page' | 'post';
  key: string;
  op: 'added' | 'changed';
  /** The candidate's path, and production's (the same for an added page: what production shows there now). */
  path: string;
  beforePath: string;
}

const RENDERED_TYPES = ['page', 'post'] as const;
// The preview's largest page: one read per type for any VISUAL_DIFF_MAX_PAGES up to it.
const PREVIEW_PAGE = 500;

/**
 * The first `max` added or changed pages and posts of the preview with this fingerprint (of the selection's
 * preview, with one), and how many there are. A fingerprint that is no longer current is refused: what it named
 * can no longer be rendered.
 */
export async function changedPages(
  previews: PreviewService,
  content: ContentService,
  site: Site,
  fingerprint: string,
  max: number,
  selection?: Selection,
): Promise<{ pages: ChangedPage[]; total: number }> {
  const pages: ChangedPage[] = [];
  let total = 0;
  for (const type of RENDERED_TYPES) {
    let cursor: string | undefined;
    do {
      const preview = await previews.preview(site, { type, limit: PREVIEW_PAGE, cursor }, selection);
      if (preview.fingerprint !== fingerprint)
        throw new AppError('stale_preview', 'Staging or production changed since this preview: preview again.', [
          { fingerprint: preview.fingerprint },
        ]);
      if (cursor === undefined) total += preview.summary.byType[type]?.added ?? 0;
      if (cursor === undefined) total += preview.summary.byType[type]?.changed ?? 0;
      for (const change of preview.changes)
        if (change.op !== 'removed' && pages.length < max) pages.push(await pageOf(content, site, type, change));
      cursor = pages.length < max ? (preview.nextCursor ?? undefined) : undefined;
    } while (cursor);
  }
  return { pages, total };
}

async function pageOf(
  content: ContentService,
  site: Site,
  type: 'page' | 'post',
  change: PreviewChange,
): Promise<ChangedPage> {
  const op = change.op as 'added' | 'changed';
  if (op === 'added') {
    const path = routeOf(type, change.data) ?? '/';
    return { type, key: change.key, op, path, beforePath: path };
  }
  // A changed path is in the delta as [production's, staging's]; else both sides share production's.
  const moved = (change.delta as Record<string, unknown> | undefined)?.path;
  if (Array.isArray(moved) && moved.length === 2 && typeof moved[0] === 'string' && typeof moved[1] === 'string')
    return {
      type,
      key: change.key,
      op,
      beforePath: routeOf(type, { path: moved[0] })!,
      path: routeOf(type, { path: moved[1] })!,
    };
  const production = await content.get(site, 'production', type, change.key);
  const path = routeOf(type, production.data) ?? '/';
  return { type, key: change.key, op, path, beforePath: path };
}
