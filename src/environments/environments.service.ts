import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../platform/database/transactions';
import type { EnvironmentRow, EnvName } from '../sites/site.types';
import { EnvironmentsRepository } from './environments.repository';

export type LeaseRow = { holder: string | null; reason: string | null; until: Date | null; active: boolean };

/** What a compare-and-swap of production's head did: the job records it. */
export type HeadSwap =
  | { swapped: true; fromStateId: number; toStateId: number; productionVersion: number }
  | { swapped: false; fromStateId: number; toStateId: number };

/**
 * Each site's two environment rows, for every feature: other features read and write them only through
 * these intent-named calls (the table's SQL lives in EnvironmentsRepository alone).
 */
@Injectable()
export class EnvironmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly rows: EnvironmentsRepository,
  ) {}

  createPair(tx: EntityManager, siteId: string, productionHeadStateId: number): Promise<void> {
    return this.rows.createPair(tx, siteId, productionHeadStateId);
  }

  find(siteId: string, env: EnvName, tx?: EntityManager): Promise<EnvironmentRow> {
    return this.rows.find(tx ?? this.transactions.autocommit, siteId, env);
  }

  findForSites(siteIds: string[], tx?: EntityManager): Promise<EnvironmentRow[]> {
    return this.rows.findForSites(tx ?? this.transactions.autocommit, siteIds);
  }

  lock(tx: EntityManager, siteId: string, env: EnvName): Promise<EnvironmentRow> {
    return this.rows.lock(tx, siteId, env);
  }

  bumpStaging(tx: EntityManager, siteId: string, changes: number): Promise<number> {
    return this.rows.bumpStaging(tx, siteId, changes);
  }

  resetStaging(tx: EntityManager, siteId: string, baseStateId: number): Promise<void> {
    return this.rows.resetStaging(tx, siteId, baseStateId);
  }

  /**
   * After a promotion's swap, in its own transaction: staging's row is locked by every staging write for the
   * write's whole transaction, so touching it inside the swap would put an import's length in the window.
   */
  markStagingInStep(
    tx: EntityManager,
    siteId: string,
    stateId: number,
    options?: { onlyWhatMoved?: boolean },
  ): Promise<void> {
    return this.rows.markStagingInStep(tx, siteId, stateId, options);
  }

  async swapHead(
    tx: EntityManager,
    siteId: string,
    swap: { fromStateId: number; toStateId: number; releaseLeaseOf?: string; asyncCommit?: boolean },
  ): Promise<HeadSwap> {
    const { fromStateId, toStateId } = swap;
    const done = await this.rows.swapHead(tx, siteId, fromStateId, toStateId, {
      releaseHolder: swap.releaseLeaseOf,
      asyncCommit: swap.asyncCommit,
    });
    if (!done) return { swapped: false, fromStateId, toStateId };
    return { swapped: true, fromStateId, toStateId, productionVersion: done.version };
  }

  takeLease(
    siteId: string,
    env: EnvName,
    lease: { holder: string; reason: string; ttlSeconds: number },
    tx?: EntityManager,
  ): Promise<{ until: Date; heldMs: number } | null> {
    return this.rows.takeLease(tx ?? this.transactions.autocommit, siteId, env, lease);
  }

  /**
   * The swap's lease, on its own and without waiting for the disk: a crash of the database could lose only a
   * lease (production serving, the job retrying), never a head, whose swap commits durably right after.
   */
  takeSwapLease(
    siteId: string,
    lease: { holder: string; reason: string; ttlSeconds: number },
  ): Promise<{ until: Date; heldMs: number } | null> {
    return this.rows.takeLease(this.transactions.autocommit, siteId, 'production', lease, { asyncCommit: true });
  }

  releaseLease(siteId: string, env: EnvName, holder: string, tx?: EntityManager): Promise<boolean> {
    return this.rows.releaseLease(tx ?? this.transactions.autocommit, siteId, env, holder);
  }

  currentLease(siteId: string, env: EnvName, tx?: EntityManager): Promise<LeaseRow | null> {
    return this.rows.currentLease(tx ?? this.transactions.autocommit, siteId, env);
  }
}
