import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { refreshStatisticsAfterWrite } from '../platform/database/planner-statistics';
import { Transactions } from '../platform/database/transactions';
import type { Site } from '../sites/site.types';
import type { ImportEntity, ImportResult } from './content-import.dto';
import { prepareImport, type PlannedEntity } from './content-import.plan';
import type { WriteContext } from './content.service';
import { StagingTransaction } from './staging-transaction';
import { StagingWrites } from './staging-writes';

/**
 * Many staging writes as one: every entity validated first, then all written in one transaction with
 * set-based SQL (StagingWrites, which single writes use too). All or nothing.
 */
@Injectable()
export class ContentImportService {
  constructor(
    private readonly staging: StagingTransaction,
    private readonly writes: StagingWrites,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async import(site: Site, entities: ImportEntity[], ctx: WriteContext): Promise<ImportResult> {
    const prepared = prepareImport(entities);
    const result = await this.staging.run(site, async (tx, stagingBefore) => {
      const { planned, promotableChanges, stagingVersion } = await this.writes.write(
        tx,
        site,
        prepared,
        stagingBefore.version,
        (e) => `entities[${e.index}]`,
      );
      const changed = planned.filter((e) => e.status !== 'unchanged');
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
    // After the commit: what follows an import (its preview, the promotion) plans with the rows it wrote.
    await refreshStatisticsAfterWrite(this.transactions.autocommit, IMPORTED_TABLES, result.created + result.updated);
    return result;
  }
}

// What an import writes: staging's entries, their revisions, and (through its triggers) staging's changed set.
const IMPORTED_TABLES = ['staging_entries', 'revisions', 'staging_changes'];

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
