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
    const snapshot = await this.snapshots.find(this.transactions.autocommit, id);
    if (!snapshot || snapshot.siteId !== site.id) throw new AppError('not_found', `No snapshot ${id}.`);
    const job = await this.jobs.start(JobKind.Restore, {
      siteId: site.id,
      params: { snapshotId: snapshot.id, label: snapshot.label },
      principal,
      requestId,
      before: async (tx) => {
        const production = await this.environments.find(site.id, 'production', tx);
        return { fromVersion: production.version, params: { baseStateId: production.headStateId } };
      },
      auditDetails: () => ({ snapshotId: snapshot.id, label: snapshot.label }),
    });
    return { ...job, snapshotId: snapshot.id };
  }

  /**
   * Production's content becomes an earlier state's (an undo puts back the state before a promotion), as a
   * restore job. `assertStillUndoable` sees production in the job's own transaction and may refuse.
   */
  restoreState(
    site: Site,
    source: { stateId: number; label: string; undoOf: string },
    principal: Principal,
    requestId: string | undefined,
    assertStillUndoable: (production: { headStateId: number; version: number }, tx: EntityManager) => Promise<void>,
  ) {
    return this.jobs.start(JobKind.Restore, {
      siteId: site.id,
      params: source,
      principal,
      requestId,
      before: async (tx) => {
        const production = await this.environments.find(site.id, 'production', tx);
        await assertStillUndoable({ headStateId: production.headStateId!, version: production.version }, tx);
        return { fromVersion: production.version, params: { baseStateId: production.headStateId } };
      },
      auditDetails: () => ({ undoOf: source.undoOf, stateId: source.stateId, label: source.label }),
    });
  }
}
