import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { concatMap, distinctUntilChanged, EMPTY, filter, interval, map, merge, Observable, takeWhile } from 'rxjs';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { TokensService } from '../auth/tokens.service';
import { Transactions } from '../database/transactions';
import { AppError } from '../errors/app-error';
import { JobDefinitions } from './job-definitions';
import { JobEvents } from './job-events';
import { type JobKind, QueueName, SiteJob } from './job-names';
import { plannedSteps } from './job-steps';
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

export interface StartJob {
  siteId: string | null;
  params?: Record<string, unknown>;
  principal: Principal;
  requestId?: string;
  /** An open job of the site that this request repeats (a double click): answered instead of a conflict. */
  reuseIf?: (open: JobRow) => boolean;
  /** Reads and checks what the job starts from, in the same transaction as the insert. */
  before?: (tx: EntityManager) => Promise<{ fromVersion?: number; params?: Record<string, unknown> }>;
  /** What the `<kind>.requested` audit entry says, from the job's params. */
  auditDetails?: (params: Record<string, any>) => Record<string, unknown>;
}

@Injectable()
export class JobsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly definitions: JobDefinitions,
    private readonly events: JobEvents,
    private readonly audit: AuditService,
    private readonly tokens: TokensService,
    @InjectQueue(QueueName.SiteJobs) private readonly queue: Queue<SiteJob>,
  ) {}

  /**
   * The one way to start a job: one open job per site (a database constraint; the conflict names the running
   * job), the row and its audit entry in one transaction, then the enqueue after the commit.
   */
  async start(kind: JobKind, request: StartJob): Promise<JobDto> {
    const open = request.siteId ? await this.jobs.findOpenForSite(request.siteId) : null;
    if (open) return this.answerOpen(open, request);
    let job: JobRow;
    try {
      job = await this.transactions.run({}, async (tx) => {
        const start = (await request.before?.(tx)) ?? {};
        const params = { ...request.params, ...start.params };
        const { principal, requestId, siteId } = request;
        const created = await this.jobs.insert(
          {
            siteId,
            kind,
            params,
            actor: { actor: principal.actor, role: principal.role, requestId },
            steps: plannedSteps(this.definitions.get(kind).steps.map((step) => step.name)),
            fromVersion: start.fromVersion,
          },
          tx,
        );
        if (siteId)
          await this.audit.record(
            {
              siteId,
              principal,
              action: `${kind}.requested`,
              subject: created.id,
              details: request.auditDetails?.(params),
              requestId,
            },
            tx,
          );
        return created;
      });
    } catch (error) {
      // Two clicks at once: the partial unique index lets one insert win; the other answers with that job.
      const constraint = error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint;
      const winner = constraint === 'jobs_one_open_per_site' && (await this.jobs.findOpenForSite(request.siteId!));
      if (winner) return this.answerOpen(winner, request);
      throw error;
    }
    await this.enqueue(job);
    return toJobDto(job);
  }

  private answerOpen(open: JobRow, request: StartJob): JobDto {
    if (request.reuseIf?.(open)) return toJobDto(open);
    throw new AppError(
      'promotion_in_progress',
      `A ${open.kind.replace(/_/g, ' ')} of this site is already running; wait for it to end.`,
      [{ jobId: open.id, kind: open.kind }],
    );
  }

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

  /** A site's jobs of some kinds, newest first (the promotion history). */
  listForSite(siteId: string, kinds: JobKind[], limit: number, before?: Date): Promise<JobRow[]> {
    return this.jobs.listForSite(siteId, kinds, limit, before);
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
