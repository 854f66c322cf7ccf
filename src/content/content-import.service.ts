import { EnvironmentsService } from '../environments/environments.service';
import { Inject, Injectable } from '@nestjs/common';
import type { MediaStore } from '../../libs/media-storage';
// runPool is libs/media-storage's bounded-parallelism helper; its index does not export it (yet).
import { runPool } from '../../libs/media-storage';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import { MEDIA_STORE } from '../media/media.tokens';
import type { Site } from '../sites/site.types';
import type { ImportEntity, ImportResult } from './content-import.dto';
import {
  entryWrites,
  newRevisions,
  planImport,
  prepareImport,
  routeConflicts,
  type PlannedEntity,
  type PreparedEntity,
} from './content-import.plan';
import { ContentImportRepository } from './content-import.repository';
import type { WriteContext } from './content.service';
import { StagingTransaction } from './staging-transaction';

// HEAD requests to S3 in flight at once while checking that an import's media bytes were uploaded.
const MEDIA_CHECKS_IN_FLIGHT = 8;

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
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  async import(site: Site, entities: ImportEntity[], ctx: WriteContext): Promise<ImportResult> {
    const prepared = prepareImport(entities);
    return this.staging.run(site, async (tx, stagingBefore) => {
      // Checked under the content lock, so the garbage collector cannot remove the bytes before this commits.
      await this.assertMediaUploaded(prepared);
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

  // A media entity describes bytes already in staging's bucket (uploaded with POST …/staging/media).
  private async assertMediaUploaded(entities: PreparedEntity[]): Promise<void> {
    const media = entities.filter((e) => e.type === 'media');
    const missing = new Set<string>();
    const sha256s = [...new Set(media.map((e) => (e.body as { sha256: string }).sha256))];
    await runPool(sha256s, MEDIA_CHECKS_IN_FLIGHT, async (sha256) => {
      if (!(await this.store.exists('staging', sha256))) missing.add(sha256);
    });
    const problems = media
      .filter((e) => missing.has((e.body as { sha256: string }).sha256))
      .map((e) => ({ path: `entities[${e.index}].data.sha256`, message: 'must be the sha256 of an uploaded file' }));
    if (problems.length)
      throw new AppError(
        'validation_failed',
        'Some media entities name bytes that were never uploaded: upload them with POST …/staging/media first.',
        problems,
      );
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
