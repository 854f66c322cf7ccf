import { followJob } from '../follow-job';
import { jobLine } from '../format';
import { Failure } from '../outcome';
import { progressReporter } from '../progress';
import type { ApiRequest } from '../requests';
import type { Job } from '../types';
import type { CommandContext } from '../context';

/**
 * Starts a job (the API answers 202 with it) and, with `--wait`, follows it to its end: exit 0 once it
 * succeeded, a failure (exit 1) naming the job's error when it failed, was cancelled or was rolled back.
 */
export async function runJobCommand(ctx: CommandContext, request: ApiRequest, wait: boolean): Promise<void> {
  const client = await ctx.client();
  const started = await client.send<Job>(request);
  if (!wait) return ctx.print(jobLine(started), started);
  const reporter = progressReporter(process.stderr);
  let job: Job;
  try {
    job = await followJob(client, started.id, (j) => reporter.update(j));
  } finally {
    reporter.stop();
  }
  if (job.status !== 'succeeded')
    throw new Failure(job.error ?? { code: `job_${job.status}`, message: `The job ended ${job.status}.` }, job);
  ctx.print(jobLine(job), job);
}
