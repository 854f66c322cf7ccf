import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MediaBody } from '../../libs/content-model';
import { EnvironmentsService } from '../environments/environments.service';
import { MediaUploadsService } from '../media/media-uploads.service';
import { AppError } from '../platform/errors/app-error';
import type { Site } from '../sites/site.types';
import {
  entryWrites,
  newRevisions,
  planImport,
  routeConflicts,
  type PlannedEntity,
  type PreparedEntity,
} from './content-import.plan';
import { ContentImportRepository } from './content-import.repository';
import { RevisionsRepository } from './revisions.repository';

export interface StagingWrite {
  planned: PlannedEntity[];
  /** How many entities' promotable bodies changed: staging's version moved by as many. */
  promotableChanges: number;
  stagingVersion: number;
}

/**
 * Writes validated entities into staging's working manifest, inside a staging transaction. The one place of
 * the rule "an entity's version and staging's move only when the promotable body changes": a single PUT is
 * an import of one entity.
 */
@Injectable()
export class StagingWrites {
  constructor(
    private readonly imports: ContentImportRepository,
    private readonly revisions: RevisionsRepository,
    private readonly environments: EnvironmentsService,
    private readonly mediaUploads: MediaUploadsService,
  ) {}

  /** `pathOf` names an entity in error details (`entities[3]` in an import; a PUT's body has one). */
  async write(
    tx: EntityManager,
    site: Site,
    prepared: PreparedEntity[],
    stagingVersionBefore: number,
    pathOf: (entity: PreparedEntity) => string | null,
  ): Promise<StagingWrite> {
    const at = (entity: PreparedEntity, field: string) => [pathOf(entity), field].filter(Boolean).join('.');
    // Checked under the content lock, so the garbage collector cannot remove the bytes before this commits.
    await this.mediaUploads.assertDescribeUploads(
      site.id,
      prepared.filter((e) => e.type === 'media').map((e) => ({ at: at(e, 'data'), body: e.body as MediaBody })),
      tx,
    );
    const planned = planImport(prepared, await this.imports.findEntries(tx, site.id, prepared));
    const routes = [...new Set(planned.map((e) => e.route).filter((r): r is string => r !== null))];
    const conflicts = routeConflicts(
      planned,
      await this.imports.findRouteHolders(tx, site.id, routes),
      (e) => pathOf(e) ?? 'data',
    );
    if (conflicts.length)
      throw new AppError(
        'route_taken',
        `Another published entity already serves ${conflicts.map((c) => c.route).join(', ')}; nothing was written.`,
        conflicts,
      );

    const changed = planned.filter((e) => e.status !== 'unchanged');
    const revisionIds = await this.revisions.store(tx, newRevisions(changed));
    const { entries, deferredRoutes } = entryWrites(changed, revisionIds);
    if (entries.length) await this.imports.upsertEntries(tx, site.id, entries);
    if (deferredRoutes.length) await this.imports.setRoutes(tx, site.id, deferredRoutes);
    const promotableChanges = changed.filter((e) => e.promotableChanged).length;
    const stagingVersion = promotableChanges
      ? await this.environments.bumpStaging(tx, site.id, promotableChanges)
      : stagingVersionBefore;
    return { planned, promotableChanges, stagingVersion };
  }
}
