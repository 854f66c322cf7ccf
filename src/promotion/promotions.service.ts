import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../validation/keyset-cursor';
import { toJobDto, type JobDto } from '../jobs/job.dto';
import type { JobRow } from '../jobs/job.types';
import { JobKind } from '../jobs/job-names';
import { plannedSteps } from '../jobs/job-run';
import { JobsRepository } from '../jobs/jobs.repository';
import { JobsService } from '../jobs/jobs.service';
import type { Site } from '../sites/site.types';
import { formatFingerprint, parseFingerprint, sameFingerprint } from './fingerprint';
import { PROMOTION_STEPS, type PromotionParams } from './promotion.handler';
import { PreviewService } from './preview.service';

export interface StartPromotionBody {
  fingerprint: string;
  snapshot?: boolean;
  note?: string;
}

@Injectable()
export class PromotionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsRepository,
    private readonly jobsService: JobsService,
    private readonly previews: PreviewService,
    private readonly audit: AuditService,
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
    const open = await this.jobs.findOpenForSite(site.id);
    if (open) return this.answerOpen(open, fingerprint);
    let created: JobRow;
    try {
      created = await this.dataSource.transaction(async (tx) => {
        const now = await this.previews.current(tx, site.id);
        if (!sameFingerprint(now.fingerprint, seen)) throw await this.stale(site);
        const summary = await this.previews.totals(tx, site.id, now.fingerprint.headStateId);
        const params: PromotionParams = {
          fingerprint,
          snapshot: body.snapshot ?? false,
          ...(body.note ? { note: body.note } : {}),
          summary,
        };
        const job = await this.jobs.insert(
          {
            siteId: site.id,
            kind: JobKind.Promotion,
            params,
            actor: { actor: principal.actor, role: principal.role, requestId },
            steps: plannedSteps(PROMOTION_STEPS),
            fromVersion: now.productionVersion,
          },
          tx,
        );
        await this.audit.record(
          {
            siteId: site.id,
            principal,
            action: 'promotion.requested',
            subject: job.id,
            details: { fingerprint, snapshot: params.snapshot, summary, note: params.note ?? null },
            requestId,
          },
          tx,
        );
        return job;
      });
    } catch (error) {
      // Two clicks at once: the partial unique index lets one insert win; the other answers with that job.
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'jobs_one_open_per_site'
      ) {
        const winner = await this.jobs.findOpenForSite(site.id);
        if (winner) return this.answerOpen(winner, fingerprint);
      }
      throw error;
    }
    // After the commit, so a worker never looks for a row it cannot see yet; jobId = row id, so once.
    await this.jobsService.enqueue(created);
    return toJobDto(created);
  }

  /** The same click again gets the same job; anything else running on the site is a conflict naming it. */
  private answerOpen(open: JobRow, fingerprint: string): JobDto {
    if (open.kind === JobKind.Promotion && open.params.fingerprint === fingerprint) return toJobDto(open);
    const what = open.kind === JobKind.Promotion ? 'A promotion' : `A ${open.kind.replace(/_/g, ' ')}`;
    throw new AppError('promotion_in_progress', `${what} of this site is already running; wait for it to end.`, [
      { jobId: open.id, kind: open.kind },
    ]);
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
