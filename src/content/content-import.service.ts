import { EnvironmentsService } from '../environments/environments.service';
import { Injectable } from '@nestjs/common';
import type { MediaBody } from '../../libs/content-model';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../platform/errors/app-error';
import { MediaUploadsService } from '../media/media-uploads.service';
import type { Site } from '../sites/site.types';
import type { ImportEntity, ImportResult } from './content-import.dto';
import {
  entryWrites,
  newRevisions,
  planImport,
  prepareImport,
  routeConflicts,
  type PlannedEntity,
} from './content-import.plan';
import { ContentImportRepository } from './content-import.repository';
import type { WriteContext } from './content.service';
import { StagingTransaction } from './staging-transaction';

/**
 * Many staging writes as one: every entity validated first, then all written in one transaction with
 * set-based SQL, under the same locks and version rules as single writes. All or nothing.
 */
@Injectable()
export class ContentImportService {
  constructor(
    private readonly staging: StagingTransaction,
    private readonly imports: ContentImportRepository,
    private readonly environments: EnvironmentsService,
    private readonly audit: AuditService,
    private readonly mediaUploads: MediaUploadsService,
  ) {}

  async import(site: Site, entities: ImportEntity[], ctx: WriteContext): Promise<ImportResult> {
    const prepared = prepareImport(entities);
    return this.staging.run(site, async (tx, stagingBefore) => {
      // Checked under the content lock, so the garbage collector cannot remove the bytes before this commits.
      await this.mediaUploads.assertDescribeUploads(
        site.id,
        prepared
          .filter((e) => e.type === 'media')
          .map((e) => ({ at: `entities[${e.index}].data`, body: e.body as MediaBody })),
        tx,
      );
      const planned = planImport(prepared, await this.imports.findEntries(tx, site.id, prepared));
      const routes = [...new Set(planned.map((e) => e.route).filter((r): r is string => r !== null))];
      const conflicts = routeConflicts(planned, await this.imports.findRouteHolders(tx, site.id, routes));
      if (conflicts.length)
        throw new AppError(
          'route_taken',
          'Two published entities would serve the same path; nothing was written.',
          conflicts,
        );

      const changed = planned.filter((e) => e.status !== 'unchanged');
      const revisionIds = await this.imports.upsertRevisions(tx, newRevisions(changed));
      const { entries, deferredRoutes } = entryWrites(changed, revisionIds);
      if (entries.length) await this.imports.upsertEntries(tx, site.id, entries);
      if (deferredRoutes.length) await this.imports.setRoutes(tx, site.id, deferredRoutes);
      const promotableChanges = changed.filter((e) => e.promotableChanged).length;
      const stagingVersion = promotableChanges
        ? await this.environments.bumpStaging(tx, site.id, promotableChanges)
        : stagingBefore.version;

      const result = { imported: planned.length, ...countByStatus(planned), stagingVersion };
      await this.audit.record(
        {
          siteId: site.id,
          principal: ctx.principal,
          action: 'content.imported',
          subject: 'staging',
          details: {
            ...result,
            promotableChanges,
            byType: countByType(changed),
            stagingVersion: { from: stagingBefore.version, to: stagingVersion },
          },
          requestId: ctx.requestId,
        },
        tx,
      );
      return result;
    });
  }
}

function countByStatus(planned: PlannedEntity[]): { created: number; updated: number; unchanged: number } {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const e of planned) counts[e.status]++;
  return counts;
}

function countByType(entities: PlannedEntity[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}
