import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../validation/keyset-cursor';
import { toJobDto } from '../jobs/job.dto';
import { JobKind } from '../jobs/job-names';
import { plannedSteps } from '../jobs/job-run';
import { JobsRepository } from '../jobs/jobs.repository';
import { JobsService } from '../jobs/jobs.service';
import type { Site } from '../sites/site.types';
import { SitesRepository } from '../sites/sites.repository';
import { RESTORE_STEPS } from './restore.handler';
import { toSnapshotDto } from './snapshot.dto';
import { SnapshotsRepository } from './snapshots.repository';
import { startSiteJob } from '../jobs/start-site-job';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SnapshotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsRepository,
    private readonly sites: SitesRepository,
    private readonly jobs: JobsRepository,
    private readonly jobsService: JobsService,
    private readonly audit: AuditService,
  ) {}

  /** Pins production's current state: a row, no copy. */
  async create(site: Site, label: string, principal: Principal, requestId?: string) {
    const snapshot = await this.dataSource.transaction(async (tx) => {
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

  async list(site: Site, limit: number, cursor?: string) {
    const rows = await this.snapshots.list(site.id, limit + 1, decodeCursor(timeCursor, cursor));
    const page = keysetPage(rows, limit, timeCursor, (snapshot) => snapshot.createdAt);
    return { items: page.items.map(toSnapshotDto), nextCursor: page.nextCursor };
  }

  async remove(site: Site, id: string, principal: Principal, requestId?: string): Promise<void> {
    if (!UUID.test(id) || !(await this.snapshots.delete(site.id, id)))
      throw new AppError('not_found', `No snapshot ${id}.`);
    await this.audit.record({ siteId: site.id, principal, action: 'snapshot.deleted', subject: id, requestId });
  }

  /** Production's content becomes the snapshot's (version + 1), as a job with the same swap as promotion. */
  async restore(site: Site, id: string, principal: Principal, requestId?: string) {
    const snapshot = UUID.test(id) ? await this.snapshots.find(id) : null;
    if (!snapshot || snapshot.siteId !== site.id) throw new AppError('not_found', `No snapshot ${id}.`);
    const job = await startSiteJob(this.dataSource, this.jobs, {
      siteId: site.id,
      kind: JobKind.Restore,
      params: { snapshotId: snapshot.id, label: snapshot.label },
      principal,
      requestId,
      steps: plannedSteps(RESTORE_STEPS),
      before: async (tx) => {
        const production = await this.sites.environment(site.id, 'production', tx);
        return { fromVersion: production.version, params: { baseStateId: production.headStateId } };
      },
      audit: (tx, jobId) =>
        this.audit.record(
          {
            siteId: site.id,
            principal,
            action: 'restore.requested',
            subject: jobId,
            details: { snapshotId: snapshot.id, label: snapshot.label },
            requestId,
          },
          tx,
        ),
    });
    await this.jobsService.enqueue(job);
    return { ...toJobDto(job), snapshotId: snapshot.id };
  }
}
