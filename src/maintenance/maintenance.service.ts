import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import { SiteEventsService } from '../site-events/site-events.service';
import type { EnvironmentRow, EnvName, Site } from '../sites/site.types';
import { isLeaseActive } from './maintenance-lease';
import { EnvironmentsService } from '../environments/environments.service';

export interface Lease {
  holder: string;
  reason: string;
  ttlSeconds: number;
}

export interface MaintenanceDto {
  reason: string;
  holder: string;
  until: Date;
}

/**
 * A per-environment maintenance lease with an expiry. The database row is the truth; Redis pub/sub only
 * tells other nodes to look again. A lease nobody releases ends at its expiry on every node, by the clock.
 */
@Injectable()
export class MaintenanceService {
  constructor(
    private readonly transactions: Transactions,
    private readonly environments: EnvironmentsService,
    private readonly events: SiteEventsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Takes the lease when it is free, expired or already this holder's (then it is extended); a running lease
   * of another holder is a conflict naming it. `heldMs`: how long this holder's lease already kept the
   * environment dark (a retry taking over a dead attempt's lease). With `tx`, the caller announces after commit.
   */
  async take(siteId: string, env: EnvName, lease: Lease, tx?: EntityManager): Promise<{ until: Date; heldMs: number }> {
    const taken = await this.environments.takeLease(siteId, env, lease, tx);
    if (!taken) return this.refuse(siteId, env, tx);
    if (!tx) await this.announce(siteId, env);
    return taken;
  }

  /** A lease that could not be taken: the environment is missing, or someone else holds it. */
  private async refuse(siteId: string, env: EnvName, tx?: EntityManager): Promise<never> {
    const held = await this.environments.currentLease(siteId, env, tx);
    if (!held) throw new AppError('not_found', `No ${env} environment for site ${siteId}.`);
    throw new AppError('conflict', `The ${env} maintenance lease is held by ${held.holder ?? 'someone else'}.`, [
      { holder: held.holder, until: held.until },
    ]);
  }

  /**
   * The head swap's lease: taken like `take` but announcing nothing (the swap's head event right after makes
   * every node read the row) and without waiting for the disk (see EnvironmentsService.takeSwapLease).
   */
  async takeForSwap(siteId: string, lease: Lease): Promise<{ until: Date; heldMs: number }> {
    const taken = await this.environments.takeSwapLease(siteId, lease);
    return taken ?? this.refuse(siteId, 'production');
  }

  /** Releases the lease if this holder has it; answers whether it did. With `tx`, the caller announces. */
  async release(siteId: string, env: EnvName, holder: string, tx?: EntityManager): Promise<boolean> {
    const released = await this.environments.releaseLease(siteId, env, holder, tx);
    if (released && !tx) await this.announce(siteId, env);
    return released;
  }

  /**
   * Tells every node to look at the environment again (callers with a transaction call it after commit).
   * The publish waits briefly at most; without it other nodes see the row within their refresh interval.
   */
  announce(siteId: string, env: EnvName): Promise<void> {
    return this.events.publish({ siteId, env, kind: 'maintenance' });
  }

  /** Whether the environment row's lease holds now (by this node's clock). */
  static isActive(environment: Pick<EnvironmentRow, 'maintenanceUntil'>, now = new Date()): boolean {
    return isLeaseActive(environment, now.getTime());
  }

  /** An owner's own maintenance window: the same lease that promotion takes, held as owner:<actor>. */
  async takeForOwner(
    site: Site,
    body: { reason: string; ttlSeconds: number },
    principal: Principal,
    requestId?: string,
  ): Promise<MaintenanceDto> {
    const holder = ownerHolder(principal);
    const { until } = await this.transactions.run({}, async (tx) => {
      const taken = await this.take(site.id, 'production', { holder, ...body }, tx);
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'maintenance.taken',
          subject: 'production',
          details: { reason: body.reason, ttlSeconds: body.ttlSeconds, until: taken.until },
          requestId,
        },
        tx,
      );
      return taken;
    });
    await this.announce(site.id, 'production');
    return { reason: body.reason, holder, until };
  }

  /**
   * Ends the owner's window. Idempotent when there is none; a running lease of someone else (a promotion) is
   * a conflict, so an owner cannot cut a swap short.
   */
  async releaseForOwner(site: Site, principal: Principal, requestId?: string): Promise<void> {
    const holder = ownerHolder(principal);
    const released = await this.transactions.run({}, async (tx) => {
      if (!(await this.release(site.id, 'production', holder, tx))) {
        const held = await this.environments.currentLease(site.id, 'production', tx);
        if (held?.active)
          throw new AppError('conflict', `The production maintenance lease is held by ${held.holder}.`, [
            { holder: held.holder, until: held.until },
          ]);
        return false;
      }
      await this.audit.record(
        { siteId: site.id, principal, action: 'maintenance.released', subject: 'production', requestId },
        tx,
      );
      return true;
    });
    if (released) await this.announce(site.id, 'production');
  }
}

const ownerHolder = (principal: Principal) => `owner:${principal.actor}`;
