import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Transactions } from '../platform/database/transactions';
import { EnvironmentsService } from '../environments/environments.service';
import { AppError } from '../platform/errors/app-error';
import { SiteEventsService } from '../site-events/site-events.service';
import { StatesService } from '../states/states.service';
import { type CursorCodec, decodeCursor, keysetPage } from '../platform/validation/keyset-cursor';
import { isSiteSlug } from '../platform/validation/id.pipe';
import { CreateSiteBody, SiteDto, toSiteDto, UpdateSiteBody } from './site.dto';
import type { Site } from './site.types';
import { checkFreezeWindows } from './freeze-windows.schema';
import { SitesRepository } from './sites.repository';

@Injectable()
export class SitesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly sites: SitesRepository,
    private readonly environments: EnvironmentsService,
    private readonly states: StatesService,
    private readonly audit: AuditService,
    private readonly events: SiteEventsService,
  ) {}

  findBySlugOrId(ref: string): Promise<Site | null> {
    return this.sites.findBySlugOrId(this.transactions.autocommit, ref);
  }

  /** The site, its two environments and production's empty first state, in one transaction. */
  async create(body: CreateSiteBody, principal: Principal, requestId?: string): Promise<SiteDto> {
    const site = await this.transactions.run({}, async (tx) => {
      if (await this.sites.findBySlugOrId(tx, body.slug))
        throw new AppError('conflict', `A site with the slug "${body.slug}" already exists.`, [{ slug: body.slug }]);
      const created = await this.sites.insert(tx, body.slug, body.name);
      await this.environments.createPair(tx, created.id, await this.states.createInitial(tx, created.id));
      await this.audit.record(
        { siteId: created.id, principal, action: 'site.created', subject: created.slug, requestId },
        tx,
      );
      return created;
    });
    return this.describe(site);
  }

  /**
   * The owner's settings of the site, all checked before any is written (one statement); every node's public
   * site renders with the new ones at once.
   */
  async update(site: Site, body: UpdateSiteBody, principal: Principal, requestId?: string): Promise<SiteDto> {
    const settings = { ...body };
    if (body.freezeWindows) {
      const { problems, stored } = checkFreezeWindows(body.freezeWindows);
      if (problems.length) throw new AppError('validation_failed', 'The freeze windows are not valid.', problems);
      settings.freezeWindows = stored;
    }
    const updated = await this.transactions.run({}, async (tx) => {
      const row = await this.sites.updateSettings(tx, site.id, settings);
      const changed = (Object.keys(settings) as (keyof UpdateSiteBody)[]).map((name) => [
        name,
        { from: site[name], to: row[name] },
      ]);
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'site.updated',
          subject: site.slug,
          details: Object.fromEntries(changed),
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
    return toSiteDto(site, await this.environments.findForSites([site.id]));
  }

  async list(
    principal: Principal,
    limit: number,
    cursor?: string,
  ): Promise<{ items: SiteDto[]; nextCursor: string | null }> {
    if (principal.kind === 'site') {
      const site = await this.sites.findBySlugOrId(this.transactions.autocommit, principal.siteId);
      return { items: site ? [await this.describe(site)] : [], nextCursor: null };
    }
    const page = keysetPage(
      await this.sites.list(this.transactions.autocommit, limit + 1, decodeCursor(slugCursor, cursor)),
      limit,
      slugCursor,
      (s) => s.slug,
    );
    const environments = await this.environments.findForSites(page.items.map((s) => s.id));
    return { items: page.items.map((s) => toSiteDto(s, environments)), nextCursor: page.nextCursor };
  }
}

// Sites page by slug, and the cursor is the slug itself as it always was: a client may hold one.
const slugCursor: CursorCodec<string> = { encode: (slug) => slug, decode: (c) => (isSiteSlug(c) ? c : undefined) };
