import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EnvironmentsService } from '../environments/environments.service';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { fingerprintOf, formatFingerprint, pairOf, parseFingerprint } from '../promotion/fingerprint';
import type { Site } from '../sites/site.types';
import { type ApprovalDto, toApprovalDto } from './approval.dto';
import { ApprovalsRepository } from './approvals.repository';
import { type Approver, approverKey, auditPrincipalOf } from './approver';

const LISTED = 100;

/** The preview a site would promote now: its fingerprint and the versions it stands for. */
export interface CurrentPreview {
  fingerprint: string;
  staging: { version: number };
  production: { version: number };
}

/** Approvals of a preview, by owners, editors, reviewers and clients (through a review link). */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly approvals: ApprovalsRepository,
    private readonly environments: EnvironmentsService,
    private readonly audit: AuditService,
  ) {}

  async current(siteId: string, tx?: EntityManager): Promise<CurrentPreview> {
    const now = fingerprintOf(await this.environments.findForSites([siteId], tx));
    return {
      fingerprint: formatFingerprint(now.fingerprint),
      staging: { version: now.stagingVersion },
      production: { version: now.productionVersion },
    };
  }

  /**
   * Approves the preview with this fingerprint, which must be the current one (409 stale_preview with the
   * fresh one, else). A principal approves a fingerprint once: approving it again answers the same approval.
   */
  async approve(
    site: Site,
    request: { fingerprint: string; comment?: string; approver: Approver },
    requestId?: string,
  ): Promise<ApprovalDto> {
    const seen = parseFingerprint(request.fingerprint);
    if (!seen)
      throw new AppError('validation_failed', 'The fingerprint is not one a preview gave.', [
        { path: 'body.fingerprint', message: 'must come from GET …/promotion/preview' },
      ]);
    // An approval is of exactly this fingerprint, a selection's included: it counts only for that selection.
    const fingerprint = formatFingerprint(seen);
    return this.transactions.run({}, async (tx) => {
      const now = await this.current(site.id, tx);
      if (now.fingerprint !== formatFingerprint(pairOf(seen)))
        throw new AppError(
          'stale_preview',
          'Staging or production changed since this preview: review the current one and approve that.',
          [now],
        );
      const { approver } = request;
      const { row, created } = await this.approvals.insertOnce(tx, {
        siteId: site.id,
        fingerprint,
        approverKey: approverKey(approver),
        approver,
        stagingVersion: now.staging.version,
        productionVersion: now.production.version,
        comment: request.comment?.trim() || null,
      });
      const approval = toApprovalDto(row, now.fingerprint);
      if (created)
        await this.audit.record(
          {
            siteId: site.id,
            principal: auditPrincipalOf(approver),
            action: 'approval.created',
            subject: approval.id,
            details: {
              fingerprint,
              staging: approval.staging,
              production: approval.production,
              approver: approval.approver,
              comment: approval.comment,
            },
            requestId,
          },
          tx,
        );
      return approval;
    });
  }

  /** The latest approvals, each marked current or stale, with what the site requires. */
  async list(site: Site) {
    // One snapshot: "current" compares with the fingerprint read alongside.
    return this.transactions.run({ isolation: 'REPEATABLE READ' }, async (tx) => {
      const now = await this.current(site.id, tx);
      const rows = await this.approvals.recent(tx, site.id, LISTED);
      return {
        requiredApprovals: site.requiredApprovals,
        ...now,
        items: rows.map((row) => toApprovalDto(row, now.fingerprint)),
      };
    });
  }
}
