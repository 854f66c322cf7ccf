import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly, Authenticated, Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { SchemaPipe } from '../validation/body.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../validation/page-query';
import { type CreateSiteBody, createSiteSchema, type CreateTokenBody, createTokenSchema } from './site.dto';
import type { Site } from './site.types';
import { SitesService } from './sites.service';
import { ApiErrors, BODY_ERRORS } from '../openapi/api-errors.decorator';
import { ApiQueryFrom } from '../openapi/api-params.decorator';
import { listOf, pageOf, ref } from '../openapi/schema-ref';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @AdminOnly()
  @ApiBody({ schema: createSiteSchema })
  @ApiOperation({ summary: 'Create a site with its staging and production environments' })
  @ApiCreatedResponse({ schema: ref('Site') })
  @ApiErrors(...BODY_ERRORS, 'conflict')
  createSite(
    @Body(new SchemaPipe(createSiteSchema)) body: CreateSiteBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.sites.create(body, principal, requestId);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'List sites (a site token sees its own site only)' })
  @ApiOkResponse({ schema: pageOf('Site') })
  @ApiQueryFrom(pageQuerySchema.properties)
  @ApiErrors('validation_failed')
  listSites(@CurrentPrincipal() principal: Principal, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.sites.list(principal, query.limit, query.cursor);
  }

  @Get(':site')
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: 'A site and its environments' })
  @ApiOkResponse({ schema: ref('Site') })
  getSite(@CurrentSite() site: Site) {
    return this.sites.describe(site);
  }

  @Post(':site/tokens')
  @Roles('owner')
  @ApiBody({ schema: createTokenSchema })
  @ApiOperation({ summary: 'Create a site token (its secret is shown once)' })
  @ApiCreatedResponse({ schema: ref('CreatedSiteToken') })
  @ApiErrors(...BODY_ERRORS)
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
  @ApiOperation({ summary: "List the site's tokens" })
  @ApiOkResponse({ schema: listOf('SiteToken') })
  listTokens(@CurrentSite() site: Site) {
    return this.sites.listTokens(site);
  }

  @Delete(':site/tokens/:id')
  @Roles('owner')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token' })
  @ApiNoContentResponse({ description: 'revoked' })
  revokeToken(
    @CurrentSite() site: Site,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.sites.revokeToken(site, id, principal, requestId);
  }
}
