import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CONTENT_TYPES } from '../../libs/content-model';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import { startPromotionSchema } from './promotion.dto';
import { PreviewService } from './preview.service';
import { PromotionsService, type StartPromotionBody } from './promotions.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf, ref } from '../platform/openapi/schema-ref';

@ApiTags('promotion')
@ApiBearerAuth()
@Controller('api/sites/:site')
export class PromotionsController {
  constructor(
    private readonly previews: PreviewService,
    private readonly promotions: PromotionsService,
  ) {}

  @Get('promotion/preview')
  @Roles('owner', 'editor', 'reviewer')
  @ApiQuery({ name: 'type', required: false, enum: CONTENT_TYPES as unknown as string[] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOperation({ summary: 'Preview a promotion: the diff and its fingerprint' })
  @ApiOkResponse({ schema: ref('Preview') })
  @ApiErrors('validation_failed')
  previewPromotion(
    @CurrentSite() site: Site,
    @Query(new PageQueryPipe({ type: { type: 'string', maxLength: 50 } })) query: PageQuery,
  ) {
    return this.previews.preview(site, {
      limit: query.limit,
      cursor: query.cursor,
      type: query.type as string | undefined,
    });
  }

  @Post('promotions')
  @Roles('owner', 'editor')
  @HttpCode(202)
  @ApiBody({ schema: startPromotionSchema })
  @ApiOperation({ summary: 'Promote staging to production' })
  @ApiAcceptedResponse({ description: 'the job (the same one for a repeated click)', schema: ref('Job') })
  @ApiErrors(...BODY_ERRORS, 'stale_preview', 'promotion_in_progress', 'production_drift')
  startPromotion(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(startPromotionSchema)) body: StartPromotionBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.promotions.start(site, body, principal, requestId);
  }

  @Get('promotions')
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Promotion history, newest first' })
  @ApiOkResponse({ schema: pageOf('PromotionRecord') })
  @ApiQueryFrom(pageQuerySchema.properties)
  @ApiErrors('validation_failed')
  listPromotions(@CurrentSite() site: Site, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.promotions.history(site, query.limit, query.cursor);
  }
}
