import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { activeFreeze, type FreezeWindow } from '../../libs/freeze-windows';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import type { Site } from '../sites/site.types';
import { type ApprovalDto, toApprovalDto } from './approval.dto';
import { Transactions } from '../platform/database/transactions';
import { ApprovalsRepository } from './approvals.repository';
import { approverKey, approverOf } from './approver';

/** A freeze window in force, as refusals and audit entries name it. */
export interface FrozenWindow {
  index: number;
  window: FreezeWindow;
  endsAt: string;
  /** When promotions are allowed again (later than endsAt when windows follow on without a gap). */
  frozenUntil: string;
}

/**
 * The rules a promotion must pass before it may start, for a promotion now or one scheduled for later: enough
 * approvals of exactly the state it promotes, and no freeze window at the moment it would run.
 */
@Injectable()
export class ReleaseGates {
  constructor(
    private readonly approvals: ApprovalsRepository,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Refuses (409 approval_required, listing the approvals there are) unless the fingerprint has the site's
   * required number of approvals by principals other than `starter` (four-eyes). Answers those counted.
   */
  async assertApproved(
    site: Site,
    fingerprint: string,
    starter: Principal,
    tx?: EntityManager,
  ): Promise<ApprovalDto[]> {
    const required = site.requiredApprovals;
    if (required === 0) return [];
    const own = approverKey(approverOf(starter));
    const rows = await this.approvals.forFingerprint(tx ?? this.transactions.autocommit, site.id, fingerprint);
    const counted = rows.filter((row) => row.approverKey !== own);
    if (counted.length >= required) return counted.map((row) => toApprovalDto(row, fingerprint));
    const hasOwn = counted.length < rows.length;
    throw new AppError(
      'approval_required',
      `This version needs ${required} approval${required === 1 ? '' : 's'} by someone other than whoever promotes it; ` +
        `it has ${counted.length}${hasOwn ? ' (your own does not count)' : ''}.`,
      [
        {
          required,
          counted: counted.length,
          approvals: rows.map((row) => ({ ...toApprovalDto(row, fingerprint), counts: row.approverKey !== own })),
        },
      ],
    );
  }

  /**
   * Refuses (409 promotion_frozen, naming the window and when it ends) a promotion that would run at `at` inside
   * a freeze window, unless an owner (or the admin) overrides it with a reason; a non-owner's override is 403.
   * Answers the window overridden, for the audit entry, or null when nothing is frozen.
   */
  assertNotFrozen(site: Site, at: Date, override?: { reason: string; by: Principal }): FrozenWindow | null {
    const freeze = activeFreeze(site.freezeWindows, at);
    if (!freeze) return null;
    const frozen: FrozenWindow = {
      index: freeze.index,
      window: freeze.window,
      endsAt: freeze.endsAt.toISOString(),
      frozenUntil: freeze.frozenUntil.toISOString(),
    };
    if (!override)
      throw new AppError(
        'promotion_frozen',
        `Promotions are frozen until ${frozen.frozenUntil}: ${freeze.window.reason}. An owner may override with a reason.`,
        [frozen],
      );
    if (override.by.kind !== 'admin' && override.by.role !== 'owner')
      throw new AppError('forbidden', 'Only an owner of the site may override a freeze window.', [frozen]);
    return frozen;
  }
}
