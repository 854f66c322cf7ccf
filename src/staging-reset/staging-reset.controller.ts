import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../validation/body.pipe';
import { IdPipe } from '../validation/id.pipe';
import { type PageQuery, PageQueryPipe } from '../validation/page-query';
import { StagingResetService } from './staging-reset.service';

const resetSchema = {
  type: 'object',
  required: ['confirm'],
  additionalProperties: false,
  properties: { confirm: { type: 'string', maxLength: 100, description: "the site's slug, typed to confirm" } },
};

@ApiTags('staging reset')
@ApiBearerAuth()
@Controller('api/sites/:site/staging')
export class StagingResetController {
  constructor(private readonly resets: StagingResetService) {}

  @Post('reset')
  @Roles('owner')
  @HttpCode(202)
  @ApiBody({ schema: resetSchema })
  resetStaging(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(resetSchema)) body: { confirm: string },
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.resets.reset(site, body.confirm, principal, requestId);
  }

  @Get('backups')
  @Roles('owner', 'editor')
  listStagingBackups(@CurrentSite() site: Site, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.resets.listBackups(site, query.limit, query.cursor);
  }

  @Post('backups/:id/restore')
  @Roles('owner')
  @HttpCode(202)
  restoreStagingBackup(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('staging backup')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.resets.restoreBackup(site, id, principal, requestId);
  }
}
