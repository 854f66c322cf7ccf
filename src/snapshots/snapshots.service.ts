import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../platform/validation/keyset-cursor';
import { JobKind } from '../jobs/job-names';
import { JobsService } from '../jobs/jobs.service';
import type { Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import { toSnapshotDto } from './snapshot.dto';
import { SnapshotsRepository } from './snapshots.repository';
import type { RestoreParams } from './restore.job';

@Injectable()
export class SnapshotsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly snapshots: SnapshotsRepository,
    private readonly environments: EnvironmentsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  /** Pins production's current state: a row, no copy. */
  async create(site: Site, label: string, principal: Principal, requestId?: string) {
    const snapshot = await this.transactions.run({}, async (tx) => {
      const pinned = await this.snapshots.pinHead(tx, {
        siteId: site.id,
        label,
        origin: 'manual',
        createdBy: principal.actor,
      });
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'snapshot.created',
          subject: pinned.id,
          details: { label, productionVersion: pinned.productionVersion, stateId: pinned.stateId },
          requestId,
        },
        tx,
      );
      return pinned;
    });
    return toSnapshotDto(snapshot);
  }

  /** Pins production's current head as a snapshot (once per job: a retried job finds its own). */
  pinHead(tx: EntityManager, values: Parameters<SnapshotsRepository['pinHead']>[1]) {
    return this.snapshots.pinHead(tx, values);
  }

  find(id: string, tx?: EntityManager) {
    return this.snapshots.find(tx ?? this.transactions.autocommit, id);
  }

  async list(site: Site, limit: number, cursor?: string) {
    const rows = await this.snapshots.list(
      this.transactions.autocommit,
      site.id,
      limit + 1,
      decodeCursor(timeCursor, cursor),
    );
    const page = keysetPage(rows, limit, timeCursor, (snapshot) => snapshot.createdAt);
    return { items: page.items.map(toSnapshotDto), nextCursor: page.nextCursor };
  }

  async remove(site: Site, id: string, principal: Principal, requestId?: string): Promise<void> {
    if (!(await this.snapshots.delete(this.transactions.autocommit, site.id, id)))
      throw new AppError('not_found', `No snapshot ${id}.`);
    await this.audit.record({ siteId: site.id, principal, action: 'snapshot.deleted', subject: id, requestId });
  }

  /** Production's content becomes the snapshot's (version + 1), as a job with the same swap as promotion. */
  async restore(site: Site, id: string, principal: Principal, requestId?: string) {
    const snapshot = await this.ownSnapshot(site, id);
    const job = await this.startRestore(site, { snapshotId: snapshot.id, label: snapshot.label }, principal, requestId);
    return { ...job, snapshotId: snapshot.id };
  }

  /**
   * Production's head with only these entities taken back from a snapshot (or removed, where the snapshot
   * lacks them), with what they refer to that production lacks: a restore job (production's version + 1).
   */
  async revert(site: Site, id: string, entities: EntityRef[], principal: Principal, requestId?: string) {
    const snapshot = await this.ownSnapshot(site, id);
    const label = `Revert of ${describeEntities(entities)} to snapshot ${snapshot.label}`;
    const job = await this.startRestore(site, { snapshotId: snapshot.id, label, entities }, principal, requestId);
    return { ...job, snapshotId: snapshot.id };
  }

  /**
   * Production's content becomes an earlier state's (an undo puts back the state before a promotion; a revert
   * takes some entities from it), as a restore job. `check` sees production in the job's own transaction and
   * may refuse.
   */
  restoreState(
    site: Site,
    source: { stateId: number; label: string; undoOf?: string; entities?: EntityRef[] },
    principal: Principal,
    requestId: string | undefined,
    check?: (production: { headStateId: number; version: number }, tx: EntityManager) => Promise<void>,
  ) {
    return this.startRestore(site, source, principal, requestId, check);
  }

  private async ownSnapshot(site: Site, id: string) {
    const snapshot = await this.snapshots.find(this.transactions.autocommit, id);
    if (!snapshot || snapshot.siteId !== site.id) throw new AppError('not_found', `No snapshot ${id}.`);
    return snapshot;
  }

  private startRestore(
    site: Site,
    source: Omit<RestoreParams, 'baseStateId'>,
    principal: Principal,
    requestId: string | undefined,
    check?: (production: { headStateId: number; version: number }, tx: EntityManager) => Promise<void>,
  ) {
    return this.jobs.start(JobKind.Restore, {
      siteId: site.id,
      params: source,
      principal,
      requestId,
      before: async (tx) => {
        const production = await this.environments.find(site.id, 'production', tx);
        await check?.({ headStateId: production.headStateId!, version: production.version }, tx);
        return { fromVersion: production.version, params: { baseStateId: production.headStateId } };
      },
      auditDetails: () => ({
        ...(source.snapshotId ? { snapshotId: source.snapshotId } : { stateId: source.stateId }),
        label: source.label,
        ...(source.undoOf ? { undoOf: source.undoOf } : {}),
        ...(source.entities ? { entities: source.entities } : {}),
      }),
    });
  }
}

export interface EntityRef {
  type: string;
  key: string;
}

function describeEntities(entities: EntityRef[]): string {
  const named = entities.slice(0, 3).map((e) => `${e.type} ${e.key}`);
  return entities.length > 3 ? `${named.join(', ')} and ${entities.length - 3} more` : named.join(', ');
}
