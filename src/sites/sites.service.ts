import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { newToken } from '../auth/token-hash';
import { TokensRepository } from '../auth/tokens.repository';
import { AppError } from '../errors/app-error';
import { SiteEventsService } from '../site-events/site-events.service';
import { CreateSiteBody, CreateTokenBody, SiteDto, toSiteDto, UpdateSiteBody } from './site.dto';
import type { Site } from './site.types';
import { SitesRepository } from './sites.repository';

@Injectable()
export class SitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sites: SitesRepository,
    private readonly tokens: TokensRepository,
    private readonly audit: AuditService,
    private readonly events: SiteEventsService,
  ) {}

  async create(body: CreateSiteBody, principal: Principal, requestId?: string): Promise<SiteDto> {
    const site = await this.dataSource.transaction(async (tx) => {
      if (await this.sites.findBySlugOrId(body.slug, tx))
        throw new AppError('conflict', `A site with the slug "${body.slug}" already exists.`, [{ slug: body.slug }]);
      const created = await this.sites.insert(tx, body.slug, body.name);
      await this.audit.record(
        { siteId: created.id, principal, action: 'site.created', subject: created.slug, requestId },
        tx,
      );
      return created;
    });
    return this.describe(site);
  }

  /** The owner's settings of the site; every node's public site renders with the new ones at once. */
  async update(site: Site, body: UpdateSiteBody, principal: Principal, requestId?: string): Promise<SiteDto> {
    const updated = await this.dataSource.transaction(async (tx) => {
      const row = await this.sites.setTrustedCustomCode(tx, site.id, body.trustedCustomCode);
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'site.updated',
          subject: site.slug,
          details: { trustedCustomCode: { from: site.trustedCustomCode, to: row.trustedCustomCode } },
          requestId,
        },
        tx,
      );
      return row;
    });
    await this.events.publish({ siteId: site.id, env: 'production', kind: 'settings' });
    return this.describe(updated);
  }

  async describe(site: Site): Promise<SiteDto> {
    return toSiteDto(site, await this.sites.environments([site.id]));
  }

  async list(
    principal: Principal,
    limit: number,
    cursor?: string,
  ): Promise<{ items: SiteDto[]; nextCursor: string | null }> {
    if (principal.kind === 'site') {
      const site = await this.sites.findBySlugOrId(principal.siteId);
      return { items: site ? [await this.describe(site)] : [], nextCursor: null };
    }
    const sites = await this.sites.list(limit + 1, cursor);
    const more = sites.length > limit;
    if (more) sites.pop();
    const environments = await this.sites.environments(sites.map((s) => s.id));
    return {
      items: sites.map((s) => toSiteDto(s, environments)),
      nextCursor: more ? sites[sites.length - 1].slug : null,
    };
  }

  async createToken(site: Site, body: CreateTokenBody, principal: Principal, requestId?: string) {
    const token = newToken(body.role.slice(0, 3));
    const row = await this.dataSource.transaction(async (tx) => {
      const created = await this.tokens.insert(site.id, body.role, body.label ?? '', token, tx);
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'token.created',
          subject: created.id,
          details: { role: body.role, label: created.label },
          requestId,
        },
        tx,
      );
      return created;
    });
    return { ...row, token };
  }

  listTokens(site: Site) {
    return this.tokens.list(site.id).then((items) => ({ items }));
  }

  async revokeToken(site: Site, id: string, principal: Principal, requestId?: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id) || !(await this.tokens.revoke(site.id, id)))
      throw new AppError('not_found', `No token ${id}.`);
    await this.audit.record({ siteId: site.id, principal, action: 'token.revoked', subject: id, requestId });
  }
}
