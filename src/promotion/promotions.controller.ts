import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import type { JobStatus } from '../jobs/job.types';
import { IdPipe } from '../platform/validation/id.pipe';
import { type PreviewBody, previewBodySchema, promotionListQuery, startPromotionSchema } from './promotion.dto';
import { normalizeSelection, SELECTION_ERRORS, selectFromQuery, selectQuerySchema } from './selection';
import { PreviewService } from './preview.service';
import { PromotionsService, type StartPromotionBody } from './promotions.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf, ref } from '../platform/openapi/schema-ref';
import { type RevertBody, revertSchema } from '../snapshots/snapshot.dto';

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
  @ApiQueryFrom(selectQuerySchema)
  @ApiOperation({
    summary: 'Preview a promotion: the diff and its fingerprint',
    description:
      'With entities and/or types, the preview of a selective promotion (see POST …/promotion/preview); a URL holds ' +
      'some hundred entities, POST the preview for more.',
  })
  @ApiOkResponse({ schema: ref('Preview') })
  @ApiErrors('validation_failed', ...SELECTION_ERRORS)
  previewPromotion(
    @CurrentSite() site: Site,
    @Query(new PageQueryPipe({ type: { type: 'string', maxLength: 50 }, ...selectQuerySchema })) query: PageQuery,
  ) {
    const select = selectFromQuery(query as { entities?: unknown; types?: unknown });
    return this.previews.preview(
      site,
      { limit: query.limit, cursor: query.cursor, type: query.type as string | undefined },
      select === undefined ? undefined : normalizeSelection(select, 'query'),
    );
  }

  @Post('promotion/preview')
  @Roles('owner', 'editor', 'reviewer')
  @HttpCode(200)
  @ApiBody({ schema: previewBodySchema })
  @ApiOperation({
    summary: 'Preview a selective promotion (or, without select, the whole one)',
    description:
      "The candidate is production's head plus the selected staging changes (added, changed or removed), closed over " +
      'references: a page brings its forms, media, layout and components, a record its object type and fields, a form ' +
      'its integrations, when staging has them otherwise than production. `selection.closure` lists each change with ' +
      '`includedBecause`, `selection.dangling` what it would leave dangling; the fingerprint covers the selection.',
  })
  @ApiOkResponse({ schema: ref('Preview') })
  @ApiErrors(...BODY_ERRORS, ...SELECTION_ERRORS)
  previewSelectedPromotion(@CurrentSite() site: Site, @Body(new SchemaPipe(previewBodySchema)) body: PreviewBody) {
    return this.previews.preview(
      site,
      { limit: body.limit ?? 50, cursor: body.cursor, type: body.type },
      body.select === undefined ? undefined : normalizeSelection(body.select, 'body.select'),
    );
  }

  @Post('promotions')
  @Roles('owner', 'editor')
  @HttpCode(202)
  @ApiBody({ schema: startPromotionSchema })
  @ApiOperation({
    summary: 'Promote staging to production, now or at runAt',
    description:
      'With runAt the job is `scheduled`: the candidate is validated and built now as a pinned state, which is what ' +
      "goes live at runAt (staging edits made meanwhile are not). It blocks nothing until it fires; then, if production's " +
      'head moved since the preview, it fails with stale_preview. One schedule per site (409 schedule_exists). A schedule ' +
      'missed while no worker was up runs at once on recovery, with `result.late`.',
  })
  @ApiAcceptedResponse({ description: 'the job (the same one for a repeated click)', schema: ref('Job') })
  @ApiErrors(
    ...BODY_ERRORS,
    'stale_preview',
    'promotion_in_progress',
    'promotion_frozen',
    'approval_required',
    'schedule_exists',
    'dangling_references',
    'variables_missing',
    'production_drift',
    'launch_checks_failed',
    ...SELECTION_ERRORS,
    'route_taken',
  )
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
  @ApiOperation({ summary: 'Promotion history, newest first (?status=scheduled: the schedules)' })
  @ApiOkResponse({ schema: pageOf('PromotionRecord') })
  @ApiQueryFrom({ ...pageQuerySchema.properties, ...promotionListQuery })
  @ApiErrors('validation_failed')
  listPromotions(@CurrentSite() site: Site, @Query(new PageQueryPipe(promotionListQuery)) query: PageQuery) {
    return this.promotions.history(site, {
      limit: query.limit,
      cursor: query.cursor,
      status: query.status as JobStatus | undefined,
    });
  }

  @Post('promotions/:id/undo')
  @Roles('owner', 'editor')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Undo a promotion',
    description:
      'Restores the state production had before the promotion, as a restore job (production version + 1), only while ' +
      "production's head is still what that promotion put live; else 409 undo_unavailable naming the current head.",
  })
  @ApiAcceptedResponse({ description: 'the restore job', schema: ref('Job') })
  @ApiErrors('undo_unavailable', 'promotion_in_progress')
  undoPromotion(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('promotion')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.promotions.undo(site, id, principal, requestId);
  }

  @Post('promotions/:id/revert')
  @Roles('owner')
  @HttpCode(202)
  @ApiBody({ schema: revertSchema })
  @ApiOperation({
    summary: 'Revert some entities to before a promotion',
    description:
      "Production's head with these entities as they were before the promotion (removed where they did not exist), " +
      'and what they refer to that production lacks; a restore job (production version + 1).',
  })
  @ApiAcceptedResponse({ description: 'the restore job', schema: ref('Job') })
  @ApiErrors(...BODY_ERRORS, 'revert_unavailable', 'promotion_in_progress')
  revertPromotionEntities(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('promotion')) id: string,
    @Body(new SchemaPipe(revertSchema)) body: RevertBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.promotions.revertEntities(site, id, body.entities, principal, requestId);
  }
}
