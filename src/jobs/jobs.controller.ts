import { Body, Controller, Get, HttpCode, MessageEvent, Param, ParseUUIDPipe, Post, Sse } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AdminOnly, Authenticated } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current.decorator';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { SchemaPipe } from '../validation/body.pipe';
import { JobsService } from './jobs.service';
import { type SelfTestBody, selfTestSchema, SelfTestService } from './self-test.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new AppError('not_found', 'No such job.') });

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
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Server-sent events: `job` (data: the job, as GET /api/jobs/:id answers) on every change until the job ' +
      'ends; `revoked` (data: {"error": {"code": "unauthenticated"}}) when the token is revoked meanwhile.',
  })
  @ApiUnauthorizedResponse({ description: '`unauthenticated`: no token, or an unknown or revoked one.' })
  @ApiNotFoundResponse({ description: '`not_found`: no such job, or another site’s (always before any event).' })
  streamJobEvents(
    @Param('id', uuid) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Observable<MessageEvent>> {
    return this.jobs.stream(id, principal);
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
