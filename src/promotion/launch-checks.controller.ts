import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';
import { SchemaPipe } from '../platform/validation/body.pipe';
import type { Site } from '../sites/site.types';
import { LaunchChecksService } from './launch-checks.service';
import { fixCheckSchema } from './promotion.dto';

@ApiTags('promotion')
@ApiBearerAuth()
@Controller('api/sites/:site')
export class LaunchChecksController {
  constructor(private readonly checks: LaunchChecksService) {}

  @Post('promotion/checks/fix')
  @Roles('owner', 'editor')
  @HttpCode(200)
  @ApiBody({ schema: fixCheckSchema })
  @ApiOperation({
    summary: "Apply a launch check's fix",
    description:
      'Writes the fix of a check of the current report into staging (today a 301 redirect), through the normal ' +
      'staging write path: versioned and audited like any edit. The next preview no longer has the check.',
  })
  @ApiOkResponse({ schema: ref('FixedCheck') })
  @ApiErrors(...BODY_ERRORS, 'check_not_found', 'check_not_fixable', 'route_taken')
  fixLaunchCheck(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(fixCheckSchema)) body: { code: string; type: string; key: string },
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.checks.fix(site, body, { principal, requestId });
  }
}
