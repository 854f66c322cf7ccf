import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import { type CreateReviewLinkBody, createReviewLinkSchema } from './review-links.dto';
import { ReviewLinksService } from './review-links.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { listOf, ref } from '../platform/openapi/schema-ref';

@ApiTags('review links')
@ApiBearerAuth()
@Controller('api/sites/:site/review-links')
export class ReviewLinksController {
  constructor(private readonly links: ReviewLinksService) {}

  @Post()
  @Roles('owner', 'editor')
  @ApiBody({ schema: createReviewLinkSchema })
  @ApiOperation({ summary: 'Create a review link to staging for clients' })
  @ApiCreatedResponse({ schema: ref('CreatedReviewLink') })
  @ApiErrors(...BODY_ERRORS)
  createReviewLink(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(createReviewLinkSchema)) body: CreateReviewLinkBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.links.create(site, body, principal, requestId);
  }

  @Get()
  @Roles('owner', 'editor')
  @ApiOperation({ summary: 'List review links' })
  @ApiOkResponse({ schema: listOf('ReviewLink') })
  listReviewLinks(@CurrentSite() site: Site) {
    return this.links.list(site);
  }

  @Delete(':id')
  @Roles('owner', 'editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a review link' })
  @ApiNoContentResponse({ description: 'revoked' })
  revokeReviewLink(
    @CurrentSite() site: Site,
    @Param('id', new IdPipe('review link')) id: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.links.revoke(site, id, principal, requestId);
  }
}
