import { Injectable, Logger } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { CrashPoints } from '../jobs/crash-points';
import { jobLeaseHolder } from '../maintenance/maintenance-lease';
import { MaintenanceService } from '../maintenance/maintenance.service';
import { SiteEventsService } from '../site-events/site-events.service';
import { EnvironmentsService } from '../environments/environments.service';

// The swap holds the lease for milliseconds; if the worker dies holding it, production serves again at this
// expiry at the latest (a takeover usually ends it sooner), so a dead worker never keeps the site dark longer.
export const SWAP_LEASE_SECONDS = 5;

export interface SwapResult {
  productionVersion: number;
  /** Production's dark time as far as the swap goes (a post-swap check adds its own): earlier attempts' too. */
  maintenanceMs: number;
  /** This attempt's lease taken → head swapped (committed): the window's floor. */
  swapMs: number;
  /** The part of swapMs until the lease was taken (the rest: the compare-and-swap statement). */
  leaseMs: number;
  alreadySwapped: boolean;
}

/**
 * The only maintenance window: take the lease, compare-and-swap production's head in one statement (production
 * version + 1, released in it), broadcast. Promotion and restore both end here.
 */
@Injectable()
export class HeadSwapService {
  private readonly logger = new Logger(HeadSwapService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly environments: EnvironmentsService,
    private readonly maintenance: MaintenanceService,
    private readonly events: SiteEventsService,
    private readonly crash: CrashPoints,
  ) {}

  async swap(
    siteId: string,
    jobId: string,
    fromStateId: number,
    toStateId: number,
    reason: string,
    options: { holdLease?: boolean } = {},
  ): Promise<SwapResult> {
    const production = await this.environments.find(siteId, 'production');
    if (production.headStateId === toStateId) {
      // An earlier attempt swapped and died before recording it: recognise it, do not redo it.
      if (!options.holdLease)
        await this.maintenance.release(siteId, 'production', jobLeaseHolder(jobId)).catch(() => false);
      return { productionVersion: production.version, maintenanceMs: 0, swapMs: 0, leaseMs: 0, alreadySwapped: true };
    }
    if (production.headStateId !== fromStateId)
      throw new AppError(
        'stale_preview',
        'Production changed since this job was requested: review production and start again.',
        [{ expectedStateId: fromStateId, currentStateId: production.headStateId }],
      );

    const holder = jobLeaseHolder(jobId);
    const started = performance.now();
    // heldMs: the dark time of an earlier attempt of this job that died holding the lease, so the recorded
    // window is what visitors saw, not only this attempt's part of it. Only the swap below waits for the disk.
    const lease = await this.maintenance
      .takeForSwap(siteId, { holder, reason, ttlSeconds: SWAP_LEASE_SECONDS })
      .catch((error) => {
        // An owner's own maintenance window already covers the swap; atomicity comes from the swap itself.
        if (error instanceof AppError && error.code === 'conflict') return null;
        throw error;
      });
    const leaseMs = performance.now() - started;
    const leased = lease !== null;
    let version: number;
    try {
      await this.crash.at('swap:leased', siteId);
      // One statement, committing on its own: the compare-and-swap, version + 1, the head_history row and
      // (unless a post-swap check keeps it) the end of the lease. The window is this and the lease's take.
      // While the lease stays, no visitor gets the new head before its durable release, which flushes the
      // swap's WAL too: only then may the swap skip waiting for the disk.
      const keeps = leased && options.holdLease === true;
      const swap = await this.environments.swapHead(this.transactions.autocommit, siteId, {
        fromStateId,
        toStateId,
        releaseLeaseOf: leased && !keeps ? holder : undefined,
        asyncCommit: keeps,
      });
      if (!swap.swapped)
        throw new AppError(
          'stale_preview',
          'Production changed since this job was requested: review production and start again.',
        );
      version = swap.productionVersion;
    } catch (error) {
      if (leased)
        await this.maintenance.release(siteId, 'production', holder).catch((e: unknown) => this.logger.error(e));
      throw error;
    }
    const swapMs = performance.now() - started;
    await this.events.publish({ siteId, env: 'production', kind: 'head' });
    const maintenanceMs = (lease?.heldMs ?? 0) + swapMs;
    return { productionVersion: version, maintenanceMs, swapMs, leaseMs, alreadySwapped: false };
  }

  /**
   * Keeps production dark for this job a while longer (SWAP_LEASE_SECONDS from now): a post-swap check holds
   * it until its verdict. Answers how long the job's lease has kept production dark, or null when an owner's
   * own window covers production (it is dark anyway).
   */
  async hold(siteId: string, jobId: string, reason: string): Promise<{ heldMs: number } | null> {
    return this.maintenance
      .take(siteId, 'production', { holder: jobLeaseHolder(jobId), reason, ttlSeconds: SWAP_LEASE_SECONDS })
      .catch((error) => {
        if (error instanceof AppError && error.code === 'conflict') return null;
        throw error;
      });
  }

  /** After a failed attempt: give production back if this job still holds its lease. */
  async releaseLease(siteId: string, jobId: string): Promise<void> {
    await this.maintenance.release(siteId, 'production', jobLeaseHolder(jobId));
  }
}
