import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AdminOnly, Authenticated, Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { SchemaPipe } from '../validation/body.pipe';
import { type PageQuery, PageQueryPipe } from '../validation/page-query';
import { type CreateSiteBody, createSiteSchema } from './site.dto';
import type { Site } from './site.types';
import { SitesService } from './sites.service';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @AdminOnly()
  @ApiBody({ schema: createSiteSchema })
  createSite(
    @Body(new SchemaPipe(createSiteSchema)) body: CreateSiteBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.sites.create(body, principal, requestId);
  }

  @Get()
  @Authenticated()
  listSites(@CurrentPrincipal() principal: Principal, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.sites.list(principal, query.limit, query.cursor);
  }

  @Get(':site')
  @Roles('owner', 'editor', 'reviewer')
  getSite(@CurrentSite() site: Site) {
    return this.sites.describe(site);
  }
}
