import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CONTENT_TYPES } from '../../libs/content-model';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { EnvPipe } from '../sites/env.pipe';
import type { EnvName } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import { type PutContentBody, putContentDocSchema, putContentSchema } from './content.dto';
import { ContentService } from './content.service';
import { BREAK_GLASS_HEADER, ProductionWritesService } from './production-writes.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf, ref } from '../platform/openapi/schema-ref';

const typeParam = { name: 'type', enum: CONTENT_TYPES as unknown as string[] };
const breakGlass = {
  name: 'X-Break-Glass',
  required: false,
  description: 'an owner’s reason for writing to production directly',
};

@ApiTags('content')
@ApiBearerAuth()
@ApiParam(typeParam)
@Controller('api/sites/:site')
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly production: ProductionWritesService,
  ) {}

  @Put('staging/content/:type/:key')
  @Roles('owner', 'editor')
  @ApiBody({ schema: putContentDocSchema })
  @ApiOperation({ summary: 'Create or replace a staging entity (validated per type)' })
  @ApiOkResponse({ description: 'replaced', schema: ref('Entity') })
  @ApiCreatedResponse({ description: 'created', schema: ref('Entity') })
  @ApiErrors(...BODY_ERRORS, 'invalid_key', 'route_taken')
  async putStagingContent(
    @CurrentSite() site: Site,
    @Param('type') type: string,
    @Param('key') key: string,
    @Body(new SchemaPipe(putContentSchema)) body: PutContentBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, entity } = await this.content.put(site, type, key, body.data, { principal, requestId });
    response.status(created ? 201 : 200);
    return entity;
  }

  @Delete('staging/content/:type/:key')
  @Roles('owner', 'editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a staging entity' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors('invalid_key')
  async deleteStagingContent(
    @CurrentSite() site: Site,
    @Param('type') type: string,
    @Param('key') key: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    await this.content.remove(site, type, key, { principal, requestId });
  }

  @Post('staging/content/:type/:key/publish')
  @Roles('owner', 'editor')
  @HttpCode(200)
  @ApiOperation({ summary: "Publish a page's or post's draft" })
  @ApiOkResponse({ schema: ref('Entity') })
  @ApiErrors('validation_failed', 'invalid_key', 'route_taken')
  publishContent(
    @CurrentSite() site: Site,
    @Param('type') type: string,
    @Param('key') key: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.content.publish(site, type, key, true, { principal, requestId });
  }

  @Post('staging/content/:type/:key/unpublish')
  @Roles('owner', 'editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unpublish a page or post' })
  @ApiOkResponse({ schema: ref('Entity') })
  @ApiErrors('validation_failed', 'invalid_key', 'route_taken')
  unpublishContent(
    @CurrentSite() site: Site,
    @Param('type') type: string,
    @Param('key') key: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.content.publish(site, type, key, false, { principal, requestId });
  }

  // Every role reaches these two so that the answer is 403 production_read_only, not a bare forbidden.
  @Put('production/content/:type/:key')
  @Roles('owner', 'editor', 'reviewer')
  @ApiHeader(breakGlass)
  @ApiBody({ schema: putContentDocSchema })
  @ApiOperation({ summary: 'Break-glass write to production (owners, with X-Break-Glass; audited)' })
  @ApiOkResponse({ description: 'replaced', schema: ref('Entity') })
  @ApiCreatedResponse({ description: 'created', schema: ref('Entity') })
  @ApiErrors(...BODY_ERRORS, 'invalid_key', 'route_taken', 'production_read_only')
  async putProductionContent(
    @CurrentSite() site: Site,
    @Param('type') type: string,
    @Param('key') key: string,
    @Body(new SchemaPipe(putContentSchema)) body: PutContentBody,
    @Headers(BREAK_GLASS_HEADER) reason: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, entity } = await this.production.write(site, type, key, body.data, reason, {
      principal,
      requestId,
    });
    response.status(created ? 201 : 200);
    return entity;
  }

  @Delete('production/content/:type/:key')
  @Roles('owner', 'editor', 'reviewer')
  @ApiHeader(breakGlass)
  @HttpCode(204)
  @ApiOperation({ summary: 'Break-glass delete from production (owners, with X-Break-Glass; audited)' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors('validation_failed', 'invalid_key', 'production_read_only')
  async deleteProductionContent(
    @CurrentSite() site: Site,
    @Param('type') type: string,
    @Param('key') key: string,
    @Headers(BREAK_GLASS_HEADER) reason: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    await this.production.write(site, type, key, null, reason, { principal, requestId });
  }

  @Get(':env/content/:type')
  @Roles('owner', 'editor', 'reviewer')
  @ApiParam({ name: 'env', enum: ['staging', 'production'] })
  @ApiOperation({ summary: "List an environment's entities of one type" })
  @ApiOkResponse({ schema: pageOf('Entity') })
  @ApiQueryFrom(pageQuerySchema.properties)
  @ApiErrors('validation_failed')
  listContent(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Param('type') type: string,
    @Query(new PageQueryPipe()) query: PageQuery,
  ) {
    return this.content.list(site, env, type, query.limit, query.cursor);
  }

  @Get(':env/content/:type/:key')
  @Roles('owner', 'editor', 'reviewer')
  @ApiParam({ name: 'env', enum: ['staging', 'production'] })
  @ApiOperation({ summary: 'Read one entity of an environment' })
  @ApiOkResponse({ schema: ref('Entity') })
  @ApiErrors('invalid_key')
  getContent(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Param('type') type: string,
    @Param('key') key: string,
  ) {
    return this.content.get(site, env, type, key);
  }
}
