import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import type { Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type ImportContentBody, importContentSchema } from './content-import.dto';
import { ContentImportService } from './content-import.service';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';

@ApiTags('content')
@ApiBearerAuth()
@Controller('api/sites/:site')
export class ContentImportController {
  constructor(private readonly imports: ContentImportService) {}

  @Post('staging/import')
  @Roles('owner', 'editor')
  @HttpCode(200)
  @ApiBody({ schema: importContentSchema })
  @ApiOperation({ summary: 'Import up to 1,000 staging entities in one transaction' })
  @ApiOkResponse({ schema: ref('ImportResult') })
  @ApiErrors(...BODY_ERRORS, 'invalid_key', 'route_taken')
  importStagingContent(
    @CurrentSite() site: Site,
    @Body(new SchemaPipe(importContentSchema)) body: ImportContentBody,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.imports.import(site, body.entities, { principal, requestId });
  }
}
