import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CONTENT_TYPES } from '../../libs/content-model';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../validation/body.pipe';
import { type PageQuery, PageQueryPipe } from '../validation/page-query';
import { startPromotionSchema } from './promotion.dto';
import { PreviewService } from './preview.service';
import { PromotionsService, type StartPromotionBody } from './promotions.service';

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
  listPromotions(@CurrentSite() site: Site, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.promotions.history(site, query.limit, query.cursor);
  }
}
