import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { concatMap, distinctUntilChanged, EMPTY, filter, interval, map, merge, Observable, takeWhile } from 'rxjs';
import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';
import { TokensRepository } from '../auth/tokens.repository';
import { JobEvents } from './job-events';
import { QueueName, SiteJob } from './job-names';
import type { JobRow } from './job.types';
import { JobsRepository } from './jobs.repository';
import { JobDto, toJobDto } from './job.dto';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);
// How often an open stream asks again whether its site token still stands: a revoked token's stream ends this late.
const STREAM_REAUTHORISE_MS = 2000;

/** What a job stream sends: the job as it changes, or why it stops before the job ends. */
export type JobStreamEvent =
  { type: 'job'; data: JobDto } | { type: 'revoked'; data: { error: { code: 'unauthenticated'; message: string } } };
const REVOKED: JobStreamEvent = {
  type: 'revoked',
  data: { error: { code: 'unauthenticated', message: 'The token was revoked.' } },
};

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly events: JobEvents,
    private readonly tokens: TokensRepository,
    @InjectQueue(QueueName.SiteJobs) private readonly queue: Queue<SiteJob>,
  ) {}

  /**
   * Call after the job row is committed, so a worker never looks for a row it cannot see. jobId = row id:
   * a repeated call queues the job once, and the sweeper can call it again for a row whose enqueue failed.
   */
  async enqueue(job: Pick<JobRow, 'id' | 'kind'>): Promise<void> {
    await this.queue.add(
      job.kind,
      { jobId: job.id },
      {
        jobId: job.id,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      },
    );
  }

  async get(id: string, principal: Principal): Promise<JobDto> {
    const job = await this.jobs.find(id).catch(() => null);
    if (!job || !canSee(principal, job)) throw new AppError('not_found', `No job ${id}.`);
    return toJobDto(job);
  }

  /**
   * The job as it changes, ending with its final state, or with a `revoked` event once the caller's token is
   * revoked. Authorised before it resolves, so a refusal is a plain 404 and never an event stream.
   */
  async stream(id: string, principal: Principal): Promise<Observable<JobStreamEvent>> {
    await this.get(id, principal);
    // A site token is asked about again every few seconds; the platform admin's token cannot be revoked.
    const recheck = principal.kind === 'site' ? interval(STREAM_REAUTHORISE_MS) : EMPTY;
    return merge(
      this.events.changes(id).pipe(map(() => 'job' as const)),
      recheck.pipe(map(() => 'token' as const)),
    ).pipe(
      concatMap(async (what): Promise<JobStreamEvent | null> => {
        if (what === 'job') return { type: 'job', data: toJobDto((await this.jobs.find(id))!) };
        return principal.kind === 'site' && !(await this.tokens.isActive(principal.tokenId)) ? REVOKED : null;
      }),
      filter((event): event is JobStreamEvent => event !== null),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      takeWhile((event) => event.type === 'job' && !FINAL.has(event.data.status), true),
    );
  }

  /** Re-enqueues rows still queued long after creation (their enqueue after commit failed). */
  async sweep(olderThanSeconds = 30): Promise<number> {
    const stuck = await this.jobs.listQueuedOlderThan(olderThanSeconds);
    for (const job of stuck) {
      const existing = await this.queue.getJob(job.id);
      if (!existing) await this.enqueue(job);
    }
    return stuck.length;
  }
}

function canSee(principal: Principal, job: JobRow): boolean {
  return principal.kind === 'admin' || (job.siteId !== null && principal.siteId === job.siteId);
}
