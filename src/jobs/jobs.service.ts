import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Observable, from, switchMap, takeWhile, distinctUntilChanged, map } from 'rxjs';
import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';
import { JobEvents } from './job-events';
import { QueueName, SiteJob } from './job-names';
import type { JobRow } from './job.types';
import { JobsRepository } from './jobs.repository';
import { JobDto, toJobDto } from './job.dto';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly events: JobEvents,
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

  /** The job as it changes, ending with its final state. */
  stream(id: string, principal: Principal): Observable<JobDto> {
    return from(this.get(id, principal)).pipe(
      switchMap(() => this.events.changes(id)),
      switchMap(() => from(this.jobs.find(id))),
      map((job) => toJobDto(job!)),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      takeWhile((job) => !FINAL.has(job.status), true),
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
