import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { CurrentSite } from '../auth/current.decorator';
import { ApiErrors } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { ref } from '../platform/openapi/schema-ref';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import type { Site } from '../sites/site.types';
import { changelogQuerySchema } from './changelog.dto';
import { changelogAsMarkdown, ChangelogService } from './changelog.service';

@ApiTags('promotion')
@ApiBearerAuth()
@Controller('api/sites/:site/promotions')
export class ChangelogController {
  constructor(private readonly changelogs: ChangelogService) {}

  @Get(':id/changelog')
  @Roles('owner', 'editor', 'reviewer')
  @ApiParam({ name: 'id', description: "the promotion's job id", schema: { type: 'string', format: 'uuid' } })
  @ApiQueryFrom(changelogQuerySchema.properties)
  @ApiOperation({ summary: 'What a promotion changed, in words: JSON, or Markdown (Accept: text/markdown)' })
  @ApiOkResponse({
    content: {
      'application/json': { schema: ref('Changelog') },
      'text/markdown': { schema: { type: 'string' } },
    },
  })
  @ApiErrors('validation_failed', 'changelog_unavailable')
  async getPromotionChangelog(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('promotion')) id: string,
    @Query(new SchemaPipe(changelogQuerySchema, 'query')) query: { format?: 'json' | 'markdown' },
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const changelog = await this.changelogs.ofPromotion(site.id, id);
    const markdown = query.format ? query.format === 'markdown' : /\btext\/markdown\b/i.test(accept ?? '');
    if (!markdown) return changelog;
    response.type('text/markdown; charset=utf-8').setHeader('X-Content-Type-Options', 'nosniff');
    return changelogAsMarkdown(changelog);
  }
}
