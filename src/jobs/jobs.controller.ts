import { Body, Controller, Get, HttpCode, MessageEvent, Param, Post, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { map, Observable } from 'rxjs';
import { AdminOnly, Authenticated } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { SchemaPipe } from '../validation/body.pipe';
import { IdPipe } from '../validation/id.pipe';
import { JobsService } from './jobs.service';
import { JobKind } from './job-names';
import { type SelfTestBody, selfTestSchema } from './self-test.job';

const jobId = new IdPipe('job');

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get('jobs/:id')
  @Authenticated()
  getJob(@Param('id', jobId) id: string, @CurrentPrincipal() principal: Principal) {
    return this.jobs.get(id, principal);
  }

  @Sse('jobs/:id/events')
  @Authenticated()
  streamJobEvents(@Param('id', jobId) id: string, @CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.jobs.stream(id, principal).pipe(map((job) => ({ type: 'job', data: job })));
  }

  /** An operations check that the queue and a worker are alive: the job waits, then records who ran it. */
  @Post('admin/self-test')
  @AdminOnly()
  @HttpCode(202)
  @ApiBody({ schema: selfTestSchema })
  startSelfTest(@Body(new SchemaPipe(selfTestSchema)) body: SelfTestBody, @CurrentPrincipal() principal: Principal) {
    return this.jobs.start(JobKind.SelfTest, { siteId: null, params: { sleepMs: body.sleepMs }, principal });
  }
}
