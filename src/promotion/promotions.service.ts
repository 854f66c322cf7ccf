import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../platform/validation/keyset-cursor';
import { toJobDto, type JobDto } from '../jobs/job.dto';
import { JobKind } from '../jobs/job-names';
import { JobsService } from '../jobs/jobs.service';
import type { Site } from '../sites/site.types';
import { formatFingerprint, parseFingerprint, sameFingerprint } from './fingerprint';
import type { PromotionParams } from './promotion.job';
import type { ComparedStates } from './preview.repository';
import { PreviewService } from './preview.service';

export interface StartPromotionBody {
  fingerprint: string;
  snapshot?: boolean;
  note?: string;
  /** The editor saw that production changed entities since staging was in step, and overwrites them. */
  acknowledgeDrift?: boolean;
}

// Enough entities for the console to name them; `total` says how many there are in all.
const DRIFT_DETAILS_LIMIT = 100;

@Injectable()
export class PromotionsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly previews: PreviewService,
  ) {}

  /**
   * Starts a promotion of what the editor reviewed. A stale fingerprint is refused with the fresh preview;
   * a repeated click with the same fingerprint gets the same job; any other open job of the site is a 409.
   */
  async start(site: Site, body: StartPromotionBody, principal: Principal, requestId?: string): Promise<JobDto> {
    const seen = parseFingerprint(body.fingerprint);
    if (!seen)
      throw new AppError('validation_failed', 'The fingerprint is not one a preview gave.', [
        { path: 'body.fingerprint', message: 'must come from GET …/promotion/preview' },
      ]);
    const fingerprint = formatFingerprint(seen);
    return this.jobs.start(JobKind.Promotion, {
      siteId: site.id,
      principal,
      requestId,
      reuseIf: (open) => open.kind === JobKind.Promotion && open.params.fingerprint === fingerprint,
      before: async (tx) => {
        const now = await this.previews.current(tx, site.id);
        if (!sameFingerprint(now.fingerprint, seen)) throw await this.stale(site);
        const states = { headStateId: now.fingerprint.headStateId, baseStateId: now.baseStateId };
        if (!body.acknowledgeDrift) await this.refuseDrift(tx, site.id, states);
        const summary = await this.previews.totals(tx, site.id, states);
        const params: PromotionParams = {
          fingerprint,
          snapshot: body.snapshot ?? false,
          ...(body.note ? { note: body.note } : {}),
          summary,
        };
        return { fromVersion: now.productionVersion, params: { ...params } };
      },
      auditDetails: (params) => ({
        fingerprint,
        snapshot: params.snapshot,
        summary: params.summary,
        note: params.note ?? null,
      }),
    });
  }

  async history(site: Site, limit: number, cursor?: string) {
    const rows = await this.jobs.listForSite(site.id, [JobKind.Promotion], limit + 1, decodeCursor(timeCursor, cursor));
    const page = keysetPage(rows, limit, timeCursor, (job) => job.createdAt);
    return {
      items: page.items.map((job) => ({
        ...toJobDto(job),
        summary: job.params.summary ?? null,
        snapshot: job.params.snapshot ?? false,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Production changed entities since staging was in step with it: overwriting them takes an acknowledgement. */
  private async refuseDrift(tx: EntityManager, siteId: string, states: ComparedStates): Promise<void> {
    const { total, entities } = await this.previews.drifted(tx, siteId, states, DRIFT_DETAILS_LIMIT);
    if (total === 0) return;
    throw new AppError(
      'production_drift',
      `Production changed ${total} entit${total === 1 ? 'y' : 'ies'} since staging was last in step with it; promoting overwrites ${total === 1 ? 'that change' : 'those changes'}. Adopt production's version, or promote with acknowledgeDrift: true.`,
      [{ total, entities }],
    );
  }

  private async stale(site: Site): Promise<AppError> {
    const fresh = await this.previews.preview(site, { limit: 50 });
    return new AppError('stale_preview', 'Staging or production changed since this preview: review the fresh diff.', [
      { preview: fresh },
    ]);
  }
}
