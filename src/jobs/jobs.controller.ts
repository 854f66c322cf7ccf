import { Body, Controller, Get, HttpCode, MessageEvent, Param, Post, Sse } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AdminOnly, Authenticated } from '../auth/access.decorator';
import { CurrentPrincipal, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { IdPipe } from '../platform/validation/id.pipe';
import { JobsService } from './jobs.service';
import { JobKind } from './job-names';
import { type SelfTestBody, selfTestSchema } from './self-test.job';
import { ApiErrors, BODY_ERRORS } from '../platform/openapi/api-errors.decorator';
import { ref } from '../platform/openapi/schema-ref';

const jobId = new IdPipe('job');

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get('jobs/:id')
  @Authenticated()
  @ApiOperation({ summary: "A job (a site token sees its own site's jobs only)" })
  @ApiOkResponse({ schema: ref('Job') })
  @ApiErrors('not_found')
  getJob(@Param('id', jobId) id: string, @CurrentPrincipal() principal: Principal) {
    return this.jobs.get(id, principal);
  }

  @Sse('jobs/:id/events')
  @Authenticated()
  @ApiOperation({ summary: "A job's progress as server-sent events until it ends" })
  @ApiOkResponse({
    description:
      'Server-sent events: `job` (data: the job, as GET /api/jobs/:id answers) on every change until the job ' +
      'ends; `revoked` (data: {"error": {"code": "unauthenticated"}}) when the token is revoked meanwhile.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors('not_found')
  streamJobEvents(
    @Param('id', jobId) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Observable<MessageEvent>> {
    return this.jobs.stream(id, principal);
  }

  @Post('jobs/:id/cancel')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a stuck or scheduled job (site owner or admin; audited)',
    description:
      'Cancels a scheduled job before it fires (it never runs). Ends a queued job, or a running one whose worker is ' +
      'gone, as cancelled, and frees the site for the next ' +
      'promotion. A maintenance lease the job holds is released; production stays on the state it has (the old ' +
      'one, or the new one if the swap already happened), never a mix. Cancelling a cancelled job answers it again.',
  })
  @ApiOkResponse({ schema: ref('Job') })
  @ApiErrors('forbidden', 'not_found', 'job_in_progress', 'job_finished')
  cancelJob(@Param('id', jobId) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId: string) {
    return this.jobs.cancel(id, principal, requestId);
  }

  /** An operations check that the queue and a worker are alive: the job waits, then records who ran it. */
  @Post('admin/self-test')
  @AdminOnly()
  @HttpCode(202)
  @ApiBody({ schema: selfTestSchema })
  @ApiOperation({ summary: 'Check that a worker takes jobs' })
  @ApiAcceptedResponse({ schema: ref('Job') })
  @ApiErrors(...BODY_ERRORS)
  startSelfTest(@Body(new SchemaPipe(selfTestSchema)) body: SelfTestBody, @CurrentPrincipal() principal: Principal) {
    return this.jobs.start(JobKind.SelfTest, { siteId: null, params: { sleepMs: body.sleepMs }, principal });
  }
}
