import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { CurrentSite } from '../auth/current.decorator';
import { AppError } from '../platform/errors/app-error';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { ref } from '../platform/openapi/schema-ref';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import type { Site } from '../sites/site.types';
import { normalizeSelection, SELECTION_ERRORS, selectFromQuery } from '../promotion/selection';
import {
  DEFAULT_WIDTHS,
  IMAGES,
  MAX_WIDTH,
  MIN_WIDTH,
  type VisualDiffBody,
  visualDiffBodySchema,
  type VisualDiffImage,
  type VisualDiffQuery,
  visualDiffQuerySchema,
} from './visual-diff.dto';
import { VisualDiffService } from './visual-diff.service';

const IMAGE_FILE = new RegExp(`^(${IMAGES.join('|')})\\.png$`);

@ApiTags('promotion')
@ApiBearerAuth()
@Controller('api/sites/:site/promotion')
export class VisualDiffController {
  constructor(private readonly visualDiffs: VisualDiffService) {}

  @Get('preview/visual')
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({
    summary: "A preview's visual diff: each changed page before and after, at each width",
    description:
      'The first call queues the comparisons (Chromium on the workers); poll until `status` is `ready`. Cached by ' +
      "production's head state, the candidate (the fingerprint), path and width: another preview of the same two " +
      'states renders nothing. `unavailable` (with the reason) where no Chromium is installed. A selective ' +
      'preview\'s fingerprint needs its selection (entities, types): its pages are the closure\'s, and "after" is ' +
      "the candidate (production's head with the closure), not staging.",
  })
  @ApiQueryFrom(visualDiffQuerySchema.properties)
  @ApiOkResponse({ schema: ref('VisualDiff') })
  @ApiErrors('validation_failed', 'stale_preview', 'route_taken', ...SELECTION_ERRORS)
  getVisualDiff(
    @CurrentSite() site: Site,
    @Query(new SchemaPipe(visualDiffQuerySchema, 'query')) query: VisualDiffQuery,
  ) {
    const select = selectFromQuery(query);
    return this.visualDiffs.overview(site, {
      fingerprint: query.fingerprint,
      widths: parseWidths(query.widths),
      selection: select === undefined ? undefined : normalizeSelection(select, 'query'),
    });
  }

  @Post('preview/visual')
  @Roles('owner', 'editor', 'reviewer')
  @HttpCode(200)
  @ApiBody({ schema: visualDiffBodySchema })
  @ApiOperation({
    summary: "A selective preview's visual diff (or, without select, the whole one's), the selection in the body",
    description: 'As GET …/preview/visual, for a selection too long for a URL.',
  })
  @ApiOkResponse({ schema: ref('VisualDiff') })
  @ApiErrors(...BODY_ERRORS, 'stale_preview', 'route_taken', ...SELECTION_ERRORS)
  postVisualDiff(@CurrentSite() site: Site, @Body(new SchemaPipe(visualDiffBodySchema)) body: VisualDiffBody) {
    return this.visualDiffs.overview(site, {
      fingerprint: body.fingerprint,
      widths: body.widths ? [...new Set(body.widths)].sort((a, b) => a - b) : [...DEFAULT_WIDTHS],
      selection: body.select === undefined ? undefined : normalizeSelection(body.select, 'body.select'),
    });
  }

  @Get('visual-diffs/:id/:image')
  @Roles('owner', 'editor', 'reviewer')
  @ApiParam({ name: 'image', enum: IMAGES.map((image) => `${image}.png`) })
  @ApiOperation({ summary: "One of a page's visual diff PNGs: before (production), after (candidate) or heatmap" })
  @ApiOkResponse({ description: 'the PNG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors('not_found')
  async getVisualDiffImage(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('visual diff')) id: string,
    @Param('image') file: string,
    @Res() response: Response,
  ): Promise<void> {
    const image = IMAGE_FILE.exec(file)?.[1] as VisualDiffImage | undefined;
    if (!image) throw new AppError('not_found', `No image ${file.slice(0, 40)}: before.png, after.png or heatmap.png.`);
    const bytes = await this.visualDiffs.image(site, id, image);
    // A comparison never changes once ready: its id names exactly what was compared.
    response.setHeader('Cache-Control', 'private, max-age=86400, immutable');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.status(200).type('image/png').send(bytes);
  }
}

function parseWidths(value: string | undefined): number[] {
  if (value === undefined) return [...DEFAULT_WIDTHS];
  const widths = [...new Set(value.split(',').map(Number))];
  if (widths.some((w) => w < MIN_WIDTH || w > MAX_WIDTH))
    throw new AppError('validation_failed', `Widths must be ${MIN_WIDTH} to ${MAX_WIDTH} px.`, [
      { path: 'query.widths', message: `each from ${MIN_WIDTH} to ${MAX_WIDTH}` },
    ]);
  return widths.sort((a, b) => a - b);
}
