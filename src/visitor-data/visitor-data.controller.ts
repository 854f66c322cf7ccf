import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentPrincipal, CurrentSite } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { EnvPipe } from '../sites/env.pipe';
import type { EnvName, Site } from '../sites/site.types';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type PageQuery, PageQueryPipe, pageQuerySchema } from '../platform/validation/page-query';
import { AnalyticsService } from './analytics.service';
import { SubmissionsService } from './submissions.service';
import { analyticsQuerySchema, sessionsQuery, submissionsQuery } from './visitor-data.dto';
import { VisitorSessionsService } from './visitor-sessions.service';
import { ApiErrors } from '../platform/openapi/api-errors.decorator';
import { ApiQueryFrom } from '../platform/openapi/api-params.decorator';
import { pageOf, ref } from '../platform/openapi/schema-ref';

/** Reads of an environment's own data: what visitors sent and did (reviewers: staging only). */
@ApiTags('visitor data')
@ApiBearerAuth()
@ApiParam({ name: 'env', enum: ['staging', 'production'] })
@Controller('api/sites/:site/:env')
export class VisitorDataController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly analytics: AnalyticsService,
    private readonly sessions: VisitorSessionsService,
  ) {}

  @Get('submissions')
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Form submissions, newest first' })
  @ApiOkResponse({ schema: pageOf('Submission') })
  @ApiQueryFrom({ ...pageQuerySchema.properties, ...submissionsQuery })
  @ApiErrors('validation_failed')
  listSubmissions(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Query(new PageQueryPipe(submissionsQuery)) query: PageQuery & { form?: string },
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.submissions.list(site, env, principal, query);
  }

  @Get('analytics')
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Analytics totals, by path and by event' })
  @ApiOkResponse({ schema: ref('Analytics') })
  @ApiQueryFrom(analyticsQuerySchema.properties)
  @ApiErrors('validation_failed')
  getAnalytics(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Query(new SchemaPipe(analyticsQuerySchema, 'query')) query: { since?: string; until?: string },
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.analytics.summary(site, env, principal, query);
  }

  @Get('sessions')
  @Roles('owner', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Active visitor sessions' })
  @ApiOkResponse({ schema: ref('VisitorSessions') })
  @ApiQueryFrom(sessionsQuery)
  @ApiErrors('validation_failed')
  listSessions(
    @CurrentSite() site: Site,
    @Param('env', EnvPipe) env: EnvName,
    @Query(new SchemaPipe({ type: 'object', properties: sessionsQuery, additionalProperties: false }, 'query'))
    query: { limit?: string },
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.sessions.list(site, env, principal, query.limit ? Number(query.limit) : 100);
  }
}
