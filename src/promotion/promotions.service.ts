import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../platform/validation/keyset-cursor';
import { toJobDto, type JobDto } from '../jobs/job.dto';
import { JobKind } from '../jobs/job-names';
import { JobsService } from '../jobs/jobs.service';
import type { Site } from '../sites/site.types';
import { formatFingerprint, parseFingerprint, sameFingerprint } from './fingerprint';
import type { PromotionParams } from './promotion.job';
import { PreviewService } from './preview.service';
import { ReleaseGates } from '../release-gates/release-gates.service';

export interface StartPromotionBody {
  fingerprint: string;
  snapshot?: boolean;
  note?: string;
  /** An owner's reason to promote inside a freeze window. */
  override?: string;
}

@Injectable()
export class PromotionsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly previews: PreviewService,
    private readonly gates: ReleaseGates,
  ) {}

  /**
   * Starts a promotion of what the editor reviewed. A stale fingerprint is refused with the fresh preview;
   * a repeated click with the same fingerprint gets the same job; any other open job of the site is a 409.
   * Then the release gates: no freeze window now (unless an owner overrides it), enough approvals by others.
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
        const overridden = this.gates.assertNotFrozen(
          site,
          new Date(),
          body.override ? { reason: body.override, by: principal } : undefined,
        );
        const approvals = await this.gates.assertApproved(site, fingerprint, principal, tx);
        const summary = await this.previews.totals(tx, site.id, now.fingerprint.headStateId);
        const params: PromotionParams = {
          fingerprint,
          snapshot: body.snapshot ?? false,
          ...(body.note ? { note: body.note } : {}),
          summary,
          ...(approvals.length ? { approvals: approvals.map((a) => a.id) } : {}),
          ...(overridden ? { freezeOverride: { reason: body.override!.trim(), window: overridden } } : {}),
        };
        return { fromVersion: now.productionVersion, params: { ...params } };
      },
      auditDetails: (params) => ({
        fingerprint,
        snapshot: params.snapshot,
        summary: params.summary,
        note: params.note ?? null,
        ...(params.approvals ? { approvals: params.approvals } : {}),
        ...(params.freezeOverride ? { freezeOverride: params.freezeOverride } : {}),
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

  private async stale(site: Site): Promise<AppError> {
    const fresh = await this.previews.preview(site, { limit: 50 });
    return new AppError('stale_preview', 'Staging or production changed since this preview: review the fresh diff.', [
      { preview: fresh },
    ]);
  }
}
