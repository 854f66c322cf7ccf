import { Injectable } from '@nestjs/common';
import { AppError } from '../platform/errors/app-error';
import { SitesService } from '../sites/sites.service';
import type { MeDto } from './me.dto';
import type { Principal } from './principal';

@Injectable()
export class MeService {
  constructor(private readonly sites: SitesService) {}

  async describe(principal: Principal): Promise<MeDto> {
    if (principal.kind === 'admin') return { principal: 'admin', role: 'admin', site: null };
    const site = await this.sites.findBySlugOrId(principal.siteId);
    if (!site) throw new AppError('unauthenticated', "The token's site no longer exists.");
    return {
      principal: 'token',
      role: principal.role,
      site: { id: site.id, slug: site.slug },
      tokenId: principal.tokenId,
      label: principal.label,
    };
  }
}
