import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { randomUUID } from 'node:crypto';
import { routeOf } from '../../libs/content-model';
import { AuditService } from '../audit/audit.service';
import { SiteEventsService } from '../site-events/site-events.service';
import { AppError } from '../platform/errors/app-error';
import type { Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import { StatesService } from '../states/states.service';
import { ContentRepository } from './content.repository';
import { checkTypeAndKey, validBody, type WriteContext } from './content.service';
import type { EntityDto } from './content.types';
import { RevisionsRepository } from './revisions.repository';

export const BREAK_GLASS_HEADER = 'x-break-glass';

/**
 * Production is read-only: content reaches it through promotion or restore. The one exception is an owner's
 * audited break-glass write, applied as a new production state (production version + 1, the entity's + 1).
 */
@Injectable()
export class ProductionWritesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly environments: EnvironmentsService,
    private readonly states: StatesService,
    private readonly revisions: RevisionsRepository,
    private readonly content: ContentRepository,
    private readonly audit: AuditService,
    private readonly events: SiteEventsService,
  ) {}

  async write(
    site: Site,
    rawType: string,
    key: string,
    data: unknown | null,
    reason: string | undefined,
    ctx: WriteContext,
  ) {
    const type = checkTypeAndKey(rawType, key);
    assertBreakGlass(reason, ctx);
    if (type === 'media')
      throw new AppError('validation_failed', 'Media reaches production through promotion, with its bytes.', [
        { path: 'type', message: 'media cannot be written to production directly' },
      ]);
    const body = data === null ? null : validBody(type, data);
    const result = await this.transactions.run({ contentLock: 'shared' }, async (tx) => {
      const production = await this.environments.lock(tx, site.id, 'production');
      const head = production.headStateId!;
      const current = await this.content.getInState(tx, head, type, key);
      if (body === null && !current) throw new AppError('not_found', `No ${type} "${key}" in production.`);
      const revision = body === null ? null : await this.revisions.upsert(tx, type, body);
      const state = await this.states.create(tx, site.id, 'break_glass', randomUUID());
      const versions = await this.states.fillWithOneChange(tx, state.id, head, {
        type,
        key,
        revisionId: revision?.id ?? null,
        route: body === null ? null : routeOf(type, body),
      });
      // The row is locked above, so the compare-and-swap cannot lose; checking it keeps that an invariant.
      const swap = await this.environments.swapHead(tx, site.id, { fromStateId: head, toStateId: state.id });
      if (!swap.swapped) throw new AppError('conflict', 'Production changed during this write; try again.');
      const productionVersion = swap.productionVersion;
      await this.audit.record(
        {
          siteId: site.id,
          principal: ctx.principal,
          action: body === null ? 'production.break_glass_delete' : 'production.break_glass_write',
          subject: `production/${type}/${key}`,
          details: {
            reason,
            fromStateId: head,
            toStateId: state.id,
            productionVersion: { from: production.version, to: productionVersion },
            entityVersion: { from: versions.fromVersion, to: versions.toVersion },
          },
          requestId: ctx.requestId,
        },
        tx,
      );
      const entity: EntityDto | null = body === null ? null : await this.content.getInState(tx, state.id, type, key);
      return { created: !current, entity };
    });
    // After the commit: every node's environment cache picks up the new head at once.
    await this.events.publish({ siteId: site.id, env: 'production', kind: 'head' });
    return result;
  }
}

function assertBreakGlass(reason: string | undefined, ctx: WriteContext): asserts reason is string {
  const isOwner = ctx.principal.kind === 'admin' || ctx.principal.role === 'owner';
  if (!isOwner || reason === undefined)
    throw new AppError(
      'production_read_only',
      'Production is read-only: change staging and promote. An owner may break glass with the X-Break-Glass: <reason> header.',
    );
  if (!reason.trim() || reason.length > 500)
    throw new AppError('validation_failed', 'The X-Break-Glass header must give a reason of 1 to 500 characters.', [
      { path: 'headers.x-break-glass', message: 'must be a reason of 1 to 500 characters' },
    ]);
}
