import { Injectable, OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Principal } from '../auth/principal';
import { CrashPoints } from './crash-points';
import { JobHandler, JobHandlerRegistry } from './job-handler';
import { JobKind } from './job-names';
import { JobRun, plannedSteps } from './job-run';
import { toJobDto } from './job.dto';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import * as os from 'node:os';

export const selfTestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { sleepMs: { type: 'integer', minimum: 0, maximum: 600000, default: 0 } },
};
export interface SelfTestBody {
  sleepMs: number;
}

const STEPS = ['wait', 'record'] as const;

/** A job with no site that proves a worker takes jobs from the queue, and tells which process ran it. */
@Injectable()
export class SelfTestService implements JobHandler, OnModuleInit {
  readonly kind = JobKind.SelfTest;
  readonly steps = STEPS;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly jobsService: JobsService,
    private readonly registry: JobHandlerRegistry,
    private readonly crash: CrashPoints,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async start(body: SelfTestBody, principal: Principal) {
    const job = await this.jobs.insert({
      siteId: null,
      kind: JobKind.SelfTest,
      params: { sleepMs: body.sleepMs },
      actor: { actor: principal.actor, role: principal.role },
      steps: plannedSteps(STEPS),
    });
    await this.jobsService.enqueue(job);
    return toJobDto(job);
  }

  async run(run: JobRun): Promise<void> {
    await run.step('wait', () => sleep(Number(run.job.params.sleepMs ?? 0)));
    await run.step('record', async () => {
      await this.crash.at('self-test:record'); // crash tests: a worker that dies in the middle of a job
      await this.jobs.update(run.job.id, { result: { processedBy: { pid: process.pid, host: os.hostname() } } });
    });
  }
}
