import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CONTENT_TYPES,
  isContentType,
  isPublishable,
  revisionHash,
  routeOf,
  validateContent,
  validateKey,
  type ContentType,
} from '../../libs/content-model';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import type { EnvName, Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import { ContentRepository } from './content.repository';
import type { EntityDto, StagingEntryRow } from './content.types';
import { StagingTransaction } from './staging-transaction';
import { StagingWrites } from './staging-writes';
import { decodeCursor, keysetPage, textCursor } from '../platform/validation/keyset-cursor';

/** What adopting production's version did to staging's entity. */
export interface AdoptResult {
  type: ContentType;
  key: string;
  op: 'copied' | 'removed';
  entity: EntityDto | null;
}

export interface WriteContext {
  principal: Principal;
  requestId?: string;
}

/** Staging's working manifest: writes, publish and unpublish, and reads of either environment. */
@Injectable()
export class ContentService {
  constructor(
    private readonly transactions: Transactions,
    private readonly staging: StagingTransaction,
    private readonly content: ContentRepository,
    private readonly writes: StagingWrites,
    private readonly environments: EnvironmentsService,
    private readonly audit: AuditService,
  ) {}

  /** Create or replace: an import of one entity (the version rule lives in StagingWrites). */
  async put(
    site: Site,
    rawType: string,
    key: string,
    data: unknown,
    ctx: WriteContext,
  ): Promise<{ created: boolean; entity: EntityDto }> {
    const type = checkTypeAndKey(rawType, key);
    const body = validBody(type, data);
    const entity = { index: 0, type, key, body, publish: false, hash: revisionHash(type, body) };
    return this.staging.run(site, async (tx, staging) => {
      const existing = await this.content.findStagingEntry(tx, site.id, type, key);
      await this.writes.write(tx, site, [entity], staging.version, () => null);
      const written = (await this.content.getStaging(tx, site.id, type, key))!;
      await this.recordAudit(
        tx,
        site,
        existing ? 'content.replaced' : 'content.created',
        ctx,
        written,
        existing?.version,
      );
      return { created: !existing, entity: written };
    });
  }

  async publish(site: Site, rawType: string, key: string, publish: boolean, ctx: WriteContext): Promise<EntityDto> {
    const type = checkTypeAndKey(rawType, key);
    if (!isPublishable(type))
      throw new AppError(
        'validation_failed',
        `Only pages and posts are published; a ${type} is promotable as written.`,
        [{ path: 'type', message: 'must be page or post' }],
      );
    return this.staging.run(site, async (tx) => {
      const existing = await this.requireStagingEntry(tx, site, type, key);
      const published = publish ? existing.dataRevisionId : null;
      if (published !== existing.publishedRevisionId) {
        const route = publish ? routeOf(type, await this.content.bodyOfRevision(tx, existing.dataRevisionId)) : null;
        await this.content.upsertStagingEntry(tx, site.id, {
          ...existing,
          publishedRevisionId: published,
          version: existing.version + 1,
          route,
        });
        await this.environments.bumpStaging(tx, site.id, 1);
      }
      const entity = (await this.content.getStaging(tx, site.id, type, key))!;
      await this.recordAudit(
        tx,
        site,
        publish ? 'content.published' : 'content.unpublished',
        ctx,
        entity,
        existing.version,
      );
      return entity;
    });
  }

  async remove(site: Site, rawType: string, key: string, ctx: WriteContext): Promise<void> {
    const type = checkTypeAndKey(rawType, key);
    await this.staging.run(site, async (tx) => {
      const existing = await this.requireStagingEntry(tx, site, type, key);
      await this.deleteEntry(tx, site, existing);
      await this.recordAudit(
        tx,
        site,
        'content.deleted',
        ctx,
        { type, key, version: existing.version },
        existing.version,
      );
    });
  }

  /**
   * Keeps production's version of one entity (an editor pulls a hot-fix back instead of overwriting it): staging
   * gets production's current revision as both its draft and its published body, or, when production no longer
   * has the entity, loses it too (draft included). A staging write like any other, so versions follow the one
   * rule; afterwards staging equals production for this entity, which is then no drift.
   */
  async adopt(site: Site, rawType: string, key: string, ctx: WriteContext): Promise<AdoptResult> {
    const type = checkTypeAndKey(rawType, key);
    return this.staging.run(site, async (tx, staging) => {
      const head = (await this.environments.find(site.id, 'production', tx)).headStateId!;
      const production = await this.content.getInState(tx, head, type, key);
      const existing = await this.content.findStagingEntry(tx, site.id, type, key);
      if (!production && !existing) throw new AppError('not_found', `No ${type} "${key}" in production or in staging.`);
      if (production) {
        // Production's body was validated when it was written; its hash names the very same revision.
        const entity = { index: 0, type, key, body: production.data, publish: true, hash: production.revision };
        await this.writes.write(tx, site, [entity], staging.version, () => null);
      } else await this.deleteEntry(tx, site, existing!);
      const adopted = production ? await this.content.getStaging(tx, site.id, type, key) : null;
      await this.recordAudit(
        tx,
        site,
        'content.adopted',
        ctx,
        adopted ?? { type, key, version: existing!.version },
        existing?.version,
        { productionRevision: production?.revision ?? null, op: production ? 'copied' : 'removed' },
      );
      return { type, key, op: production ? 'copied' : 'removed', entity: adopted };
    });
  }

  async get(site: Site, env: EnvName, rawType: string, key: string): Promise<EntityDto> {
    const type = checkTypeAndKey(rawType, key);
    const entity =
      env === 'staging'
        ? await this.content.getStaging(this.transactions.autocommit, site.id, type, key)
        : await this.content.getInState(this.transactions.autocommit, await this.headStateId(site), type, key);
    if (!entity) throw new AppError('not_found', `No ${type} "${key}" in ${env}.`);
    return entity;
  }

  async list(site: Site, env: EnvName, rawType: string, limit: number, cursor?: string) {
    const type = checkType(rawType);
    const after = decodeCursor(keyCursor, cursor);
    const items =
      env === 'staging'
        ? await this.content.listStaging(this.transactions.autocommit, site.id, type, limit + 1, after)
        : await this.content.listInState(
            this.transactions.autocommit,
            await this.headStateId(site),
            type,
            limit + 1,
            after,
          );
    return keysetPage(items, limit, keyCursor, (entity) => entity.key);
  }

  private async headStateId(site: Site): Promise<number> {
    return (await this.environments.find(site.id, 'production')).headStateId!;
  }

  /** Staging's version moves only when what it would promote changes (a published or non-page entity). */
  private async deleteEntry(tx: EntityManager, site: Site, existing: StagingEntryRow): Promise<void> {
    await this.content.deleteStagingEntry(tx, site.id, existing.type, existing.key);
    if (existing.publishedRevisionId) await this.environments.bumpStaging(tx, site.id, 1);
  }

  private async requireStagingEntry(
    tx: EntityManager,
    site: Site,
    type: ContentType,
    key: string,
  ): Promise<StagingEntryRow> {
    const existing = await this.content.findStagingEntry(tx, site.id, type, key);
    if (!existing) throw new AppError('not_found', `No ${type} "${key}" in staging.`);
    return existing;
  }

  private async recordAudit(
    tx: EntityManager,
    site: Site,
    action: string,
    ctx: WriteContext,
    entity: Pick<EntityDto, 'type' | 'key' | 'version'>,
    fromVersion?: number,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(
      {
        siteId: site.id,
        principal: ctx.principal,
        action,
        subject: `staging/${entity.type}/${entity.key}`,
        details: { fromVersion: fromVersion ?? null, toVersion: entity.version, ...details },
        requestId: ctx.requestId,
      },
      tx,
    );
  }
}

export function checkType(rawType: string): ContentType {
  if (!isContentType(rawType))
    throw new AppError('validation_failed', `"${rawType.slice(0, 50)}" is not a content type.`, [
      { path: 'type', message: `must be one of ${CONTENT_TYPES.join(', ')}` },
    ]);
  return rawType;
}

export function checkTypeAndKey(rawType: string, key: string): ContentType {
  const type = checkType(rawType);
  const problem = validateKey(key);
  if (problem)
    throw new AppError('invalid_key', `The key is not valid. ${problem}.`, [{ path: 'key', message: problem }]);
  return type;
}

export function validBody(type: ContentType, data: unknown): unknown {
  const result = validateContent(type, data);
  if (!result.ok) throw new AppError('validation_failed', `The ${type} is not valid.`, result.errors);
  return result.data;
}

const keyCursor = textCursor((key) => !validateKey(key));
