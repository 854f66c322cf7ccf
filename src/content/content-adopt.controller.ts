import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type AdoptBody, adoptSchema } from './content.dto';
import { ContentService } from './content.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';

/** Pulling production's version of an entity back into staging (the answer to drift). */
@ApiTags('content')
@ApiBearerAuth()
@Controller('api/sites/:site')
export class ContentAdoptController {
  constructor(private readonly content: ContentService) {}

  @Post('staging/adopt')
  @Roles('owner', 'editor')
  @HttpCode(200)
  @ApiBody({ schema: adoptSchema })
  @ApiOperation({
    summary: "Keep production's version of one entity in staging (its draft and published body; audited)",
    description:
      "Copies production's current revision of the entity into staging, or removes the entity from staging when " +
      'production no longer has it; the entity then no longer shows as drift in the preview.',
  })
  @ApiOkResponse({ schema: ref('AdoptResult') })
  @ApiErrors(...BODY_ERRORS, 'invalid_key', 'not_found', 'route_taken')
  adoptProductionContent(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(adoptSchema)) body: AdoptBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.content.adopt(site, body.type, body.key, { principal, requestId });
  }
}
