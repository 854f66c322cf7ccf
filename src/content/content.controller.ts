import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CONTENT_TYPES } from '../../libs/content-model';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { EnvPipe } from '../sites/env.pipe';
import type { EnvName } from '../sites/site.types';
import { SchemaPipe } from '../validation/body.pipe';
import { type PageQuery, PageQueryPipe } from '../validation/page-query';
import { type PutContentBody, putContentDocSchema, putContentSchema } from './content.dto';
import { ContentService } from './content.service';
import { BREAK_GLASS_HEADER, ProductionWritesService } from './production-writes.service';

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
  getContent(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Param('type') type: string,
    @Param('key') key: string,
  ) {
    return this.content.get(site, env, type, key);
  }
}
