import { Body, Controller, Get, HttpCode, MessageEvent, Param, ParseUUIDPipe, Post, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { map, Observable } from 'rxjs';
import { AdminOnly, Authenticated } from '../auth/access.decorator';
import { CurrentPrincipal, RequestId } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { SchemaPipe } from '../validation/body.pipe';
import { JobsService } from './jobs.service';
import { type SelfTestBody, selfTestSchema, SelfTestService } from './self-test.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new AppError('not_found', 'No such job.') });

const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { type: 'string' },
    site: { type: 'string', nullable: true },
    status: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] },
    step: { type: 'string', nullable: true },
    error: {
      type: 'object',
      nullable: true,
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array' } },
    },
    attempts: { type: 'integer' },
  },
};

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly selfTest: SelfTestService,
  ) {}

  @Get('jobs/:id')
  @Authenticated()
  getJob(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal) {
    return this.jobs.get(id, principal);
  }

  @Sse('jobs/:id/events')
  @Authenticated()
  streamJobEvents(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.jobs.stream(id, principal).pipe(map((job) => ({ type: 'job', data: job })));
  }

  @Post('jobs/:id/cancel')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a stuck job (site owner or admin; audited)',
    description:
      'Ends a queued job, or a running one whose worker is gone, as cancelled, and frees the site for the next ' +
      'promotion. A maintenance lease the job holds is released; production stays on the state it has (the old ' +
      'one, or the new one if the swap already happened), never a mix. Cancelling a cancelled job answers it again.',
  })
  @ApiResponse({ status: 200, description: 'The job, now `cancelled`.', schema: jobSchema })
  @ApiResponse({ status: 403, description: '`forbidden`: only an owner of the job’s site (or the admin).' })
  @ApiResponse({ status: 404, description: '`not_found`: no such job visible to this token.' })
  @ApiResponse({
    status: 409,
    description:
      '`job_in_progress`: a live worker holds the job (its site lock or a fresh heartbeat), details `[{jobId, step}]`; ' +
      '`job_finished`: it already succeeded or failed, details `[{jobId, status}]`.',
  })
  cancelJob(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId: string) {
    return this.jobs.cancel(id, principal, requestId);
  }

  /** An operations check that the queue and a worker are alive: the job waits, then records who ran it. */
  @Post('admin/self-test')
  @AdminOnly()
  @HttpCode(202)
  @ApiBody({ schema: selfTestSchema })
  startSelfTest(@Body(new SchemaPipe(selfTestSchema)) body: SelfTestBody, @CurrentPrincipal() principal: Principal) {
    return this.selfTest.start(body, principal);
  }
}
