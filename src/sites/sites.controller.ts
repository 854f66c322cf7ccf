import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly, Authenticated, Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { SchemaPipe } from '../validation/body.pipe';
import { type PageQuery, PageQueryPipe } from '../validation/page-query';
import {
  type CreateSiteBody,
  createSiteSchema,
  type CreateTokenBody,
  createTokenSchema,
  type UpdateSiteBody,
  updateSiteSchema,
} from './site.dto';
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

  @Patch(':site')
  @Roles('owner')
  @ApiBody({ schema: updateSiteSchema })
  @ApiOkResponse({ description: 'The site, as GET /api/sites/:site answers; the change is in the audit log.' })
  @ApiBadRequestResponse({ description: '`validation_failed`: not `{trustedCustomCode: boolean}`.' })
  @ApiForbiddenResponse({ description: '`forbidden`: only the site’s owner (or the admin) may change it.' })
  updateSite(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(updateSiteSchema)) body: UpdateSiteBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.sites.update(site, body, principal, requestId);
  }

  @Post(':site/tokens')
  @Roles('owner')
  @ApiBody({ schema: createTokenSchema })
  createToken(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(createTokenSchema)) body: CreateTokenBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.sites.createToken(site, body, principal, requestId);
  }

  @Get(':site/tokens')
  @Roles('owner')
  listTokens(@CurrentSite() site: Site) {
    return this.sites.listTokens(site);
  }

  @Delete(':site/tokens/:id')
  @Roles('owner')
  @HttpCode(204)
  revokeToken(
    @CurrentSite() site: Site,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.sites.revokeToken(site, id, principal, requestId);
  }
}
