import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentSite } from '../auth/current.decorator';
import type { Site } from '../sites/site.types';
import { type PageQuery, PageQueryPipe } from '../validation/page-query';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/sites/:site/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('owner', 'editor')
  listAudit(@CurrentSite() site: Site, @Query(new PageQueryPipe()) query: PageQuery) {
    return this.audit.list(site.id, query.limit, query.cursor);
  }
}
