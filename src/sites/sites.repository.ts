import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';
import { isUuid } from '../platform/validation/id.pipe';
import type { FreezeWindow } from '../../libs/freeze-windows';
import type { Site, SmokeCheck } from './site.types';

const SITE = `id, slug, name, created_at as "createdAt", trusted_custom_code as "trustedCustomCode",
  required_approvals as "requiredApprovals", freeze_windows as "freezeWindows",
  smoke_checks as "smokeChecks"`;

/** The owner's settings of a site; an absent one keeps its value. */
export interface SiteSettings {
  trustedCustomCode?: boolean;
  requiredApprovals?: number;
  freezeWindows?: FreezeWindow[];
  smokeChecks?: SmokeCheck[];
}

@Injectable()
export class SitesRepository {
  async findBySlugOrId(tx: EntityManager, ref: string): Promise<Site | null> {
    const rows = isUuid(ref)
      ? await tx.query(`select ${SITE} from sites where id = $1`, [ref])
      : await tx.query(`select ${SITE} from sites where slug = $1`, [ref]);
    return rows[0] ?? null;
  }

  list(tx: EntityManager, limit: number, afterSlug?: string): Promise<Site[]> {
    return tx.query(`select ${SITE} from sites where ($1::text is null or slug > $1) order by slug limit $2`, [
      afterSlug ?? null,
      limit,
    ]);
  }

  async insert(tx: EntityManager, slug: string, name: string): Promise<Site> {
    const [site] = await tx.query(`insert into sites (slug, name) values ($1, $2) returning ${SITE}`, [slug, name]);
    return site;
  }

  /** One statement, so a change of several settings is all made or none. */
  async updateSettings(tx: EntityManager, siteId: string, settings: SiteSettings): Promise<Site> {
    const [site] = await queryRows<Site>(
      tx,
      `update sites set trusted_custom_code = coalesce($2, trusted_custom_code),
         required_approvals = coalesce($3, required_approvals), freeze_windows = coalesce($4::jsonb, freeze_windows),
         smoke_checks = coalesce($5::jsonb, smoke_checks)
       where id = $1 returning ${SITE}`,
      [
        siteId,
        settings.trustedCustomCode ?? null,
        settings.requiredApprovals ?? null,
        settings.freezeWindows ? JSON.stringify(settings.freezeWindows) : null,
        settings.smokeChecks ? JSON.stringify(settings.smokeChecks) : null,
      ],
    );
    return site;
  }
}
