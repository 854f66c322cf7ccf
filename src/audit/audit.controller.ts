import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentSite } from '../auth/current.decorator';
import type { Site } from '../sites/site.types';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import { AuditService } from './audit.service';
import { ApiErrors } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf } from '../platform/openapi/schema-ref';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/sites/:site/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('owner', 'editor')
  @ApiOperation({ summary: "The site's audit log, newest first" })
  @ApiOkResponse({ schema: pageOf('AuditRecord') })
  @ApiQueryFrom(pageQuerySchema.properties)
  @ApiErrors('validation_failed')
  listAudit(@CurrentSite() site: Site, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.audit.list(site.id, query.limit, query.cursor);
  }
}
