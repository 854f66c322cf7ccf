import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, Authenticated, Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import { type CreateSiteBody, createSiteSchema, type UpdateSiteBody, updateSiteSchema } from './site.dto';
import type { Site } from './site.types';
import { SitesService } from './sites.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf, ref } from '../platform/openapi/schema-ref';

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

  @Patch(':site')
  @Roles('owner')
  @ApiBody({ schema: updateSiteSchema })
  @ApiOperation({
    summary:
      'Change site settings (trusted custom code, required approvals, freeze windows, smoke checks), all or none, audited',
  })
  @ApiOkResponse({ schema: ref('Site') })
  @ApiErrors(...BODY_ERRORS)
  updateSite(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(updateSiteSchema)) body: UpdateSiteBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.sites.update(site, body, principal, requestId);
  }
}
