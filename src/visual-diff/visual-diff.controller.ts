import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { CurrentSite } from '../auth/current.decorator';
import { AppError } from '../platform/errors/app-error';
import { ApiErrors } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { ref } from '../platform/openapi/schema-ref';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import type { Site } from '../sites/site.types';
import { IMAGES, type VisualDiffImage, type VisualDiffQuery, visualDiffQuerySchema } from './visual-diff.dto';
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
      'states renders nothing. `unavailable` (with the reason) where no Chromium is installed.',
  })
  @ApiQueryFrom(visualDiffQuerySchema.properties)
  @ApiOkResponse({ schema: ref('VisualDiff') })
  @ApiErrors('validation_failed', 'stale_preview')
  getVisualDiff(
    @CurrentSite() site: Site,
    @Query(new SchemaPipe(visualDiffQuerySchema, 'query')) query: VisualDiffQuery,
  ) {
    return this.visualDiffs.overview(site, query);
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
