import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Transactions } from '../platform/database/transactions';
import { CrashPoints } from './crash-points';
import type { JobContext, JobDefinition, JobOutcome } from './job-definition';
import { JobEvents } from './job-events';
import type { JobHeartbeat } from './job-heartbeat';
import { JobSteps } from './job-steps';
import type { JobRow } from './job.types';
import { JobsRepository } from './jobs.repository';

/** Runs one attempt of a job: its definition's steps in order, each recorded, each output handed on. */
@Injectable()
export class JobRunner {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly events: JobEvents,
    private readonly crash: CrashPoints,
  ) {}

  /** Answers how the job ends (its definition's outcome, else succeeded). */
  async run(definition: JobDefinition, job: JobRow, heartbeat: JobHeartbeat): Promise<JobOutcome> {
    const ctx = this.context(definition, job);
    const steps = new JobSteps(job, this.transactions, this.jobs, this.events);
    const done: Record<string, unknown> = {};
    for (const step of definition.steps) {
      const earlier = steps.doneBefore(step.name);
      if (earlier) {
        done[step.name] = earlier.output;
        continue;
      }
      const skip = step.skipIf?.(ctx, done);
      if (skip) {
        await steps.skip(step.name, skip);
        continue;
      }
      await steps.start(step.name);
      try {
        await this.crash.at(`${definition.kind}:${step.name}`, job.siteId);
        const work = async (tx = this.transactions.autocommit) => {
          const output = await step.run({ ...ctx, tx }, done);
          await this.crash.at(`${definition.kind}:after-${step.name}`, job.siteId);
          return output;
        };
        const transaction = step.transaction;
        done[step.name] = transaction
          ? await heartbeat.pausedDuring(() =>
              this.transactions.run(transaction, async (tx) => {
                const output = await work(tx);
                await steps.succeed(step.name, output, tx);
                return output;
              }),
            )
          : await work().then(async (output) => (await steps.succeed(step.name, output), output));
        if (step.transaction) await steps.announce();
      } catch (error) {
        await steps.fail(step.name);
        throw error;
      }
    }
    await definition.succeeded?.(ctx);
    return definition.outcome?.(done) ?? { status: 'succeeded' };
  }

  /** After the last failed attempt. */
  async failed(definition: JobDefinition, job: JobRow): Promise<void> {
    await definition.onFailed?.(this.context(definition, job));
  }

  private context(definition: JobDefinition, job: JobRow): JobContext<any> {
    return {
      job,
      siteId: job.siteId!,
      params: job.params,
      use: (service) => this.moduleRef.get(service, { strict: false }),
      record: (values, tx) => this.jobs.update(tx ?? this.transactions.autocommit, job.id, values),
    };
  }
}
