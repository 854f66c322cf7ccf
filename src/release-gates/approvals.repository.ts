import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Approver } from './approver';

export interface ApprovalRow {
  id: string;
  fingerprint: string;
  approverKey: string;
  approverKind: Approver['kind'];
  tokenId: string | null;
  reviewLinkId: string | null;
  approverRole: string;
  approverLabel: string;
  approverName: string | null;
  stagingVersion: number;
  productionVersion: number;
  comment: string | null;
  createdAt: Date;
}

export interface NewApproval {
  siteId: string;
  fingerprint: string;
  approverKey: string;
  approver: Approver;
  stagingVersion: number;
  productionVersion: number;
  comment: string | null;
}

const COLUMNS = `id, fingerprint, approver_key as "approverKey", approver_kind as "approverKind", token_id as "tokenId",
  review_link_id as "reviewLinkId", approver_role as "approverRole", approver_label as "approverLabel",
  approver_name as "approverName", staging_version as "stagingVersion", production_version as "productionVersion",
  comment, created_at as "createdAt"`;

/** The approvals of sites' previews: each is of one fingerprint by one principal, written once. */
@Injectable()
export class ApprovalsRepository {
  /** The approval, and whether this call made it (false: the principal had approved this fingerprint already). */
  async insertOnce(tx: EntityManager, values: NewApproval): Promise<{ row: ApprovalRow; created: boolean }> {
    const { approver } = values;
    const [created] = await tx.query(
      `insert into promotion_approvals (site_id, fingerprint, approver_key, approver_kind, token_id, review_link_id,
         approver_role, approver_label, approver_name, staging_version, production_version, comment)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (site_id, fingerprint, approver_key) do nothing returning ${COLUMNS}`,
      [
        values.siteId,
        values.fingerprint,
        values.approverKey,
        approver.kind,
        approver.kind === 'token' ? approver.tokenId : null,
        approver.kind === 'review_link' ? approver.reviewLinkId : null,
        approver.kind === 'token' ? approver.role : approver.kind,
        approver.kind === 'admin' ? 'admin' : approver.label,
        approver.kind === 'review_link' ? approver.name : null,
        values.stagingVersion,
        values.productionVersion,
        values.comment,
      ],
    );
    if (created) return { row: created, created: true };
    const [existing] = await tx.query(
      `select ${COLUMNS} from promotion_approvals where site_id = $1 and fingerprint = $2 and approver_key = $3`,
      [values.siteId, values.fingerprint, values.approverKey],
    );
    return { row: existing, created: false };
  }

  forFingerprint(tx: EntityManager, siteId: string, fingerprint: string): Promise<ApprovalRow[]> {
    return tx.query(
      `select ${COLUMNS} from promotion_approvals where site_id = $1 and fingerprint = $2 order by created_at, id`,
      [siteId, fingerprint],
    );
  }

  recent(tx: EntityManager, siteId: string, limit: number): Promise<ApprovalRow[]> {
    return tx.query(
      `select ${COLUMNS} from promotion_approvals where site_id = $1 order by created_at desc, id desc limit $2`,
      [siteId, limit],
    );
  }
}
