import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import { type ResetRequest, StagingResetService } from './staging-reset.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf, ref } from '../platform/openapi/schema-ref';

const resetSchema = {
  type: 'object',
  required: ['confirm'],
  additionalProperties: false,
  properties: {
    confirm: { type: 'string', maxLength: 100, description: "the site's slug, typed to confirm" },
    fromSnapshot: {
      type: 'string',
      maxLength: 100,
      description: "a snapshot's id: staging becomes its state instead of production's (rehearse a restore)",
    },
  },
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
  @ApiOperation({
    summary: "Reset staging to a copy of production, or of a snapshot's state (old staging kept as a backup)",
  })
  @ApiAcceptedResponse({ schema: ref('Job') })
  @ApiErrors(...BODY_ERRORS, 'invalid_confirmation', 'not_found', 'promotion_in_progress')
  resetStaging(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(resetSchema)) body: ResetRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.resets.reset(site, body, principal, requestId);
  }

  @Get('backups')
  @Roles('owner', 'editor')
  @ApiOperation({ summary: 'The staging states that resets overwrote, newest first' })
  @ApiOkResponse({ schema: pageOf('StagingBackup') })
  @ApiQueryFrom(pageQuerySchema.properties)
  @ApiErrors('validation_failed')
  listStagingBackups(@CurrentSite() site: Site, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.resets.listBackups(site, query.limit, query.cursor);
  }

  @Post('backups/:id/restore')
  @Roles('owner')
  @HttpCode(202)
  @ApiOperation({ summary: 'Put a staging backup back into staging' })
  @ApiAcceptedResponse({ schema: ref('Job') })
  @ApiErrors('promotion_in_progress')
  restoreStagingBackup(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('staging backup')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.resets.restoreBackup(site, id, principal, requestId);
  }
}
