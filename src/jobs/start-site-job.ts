import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import type { JobKind } from './job-names';
import type { JobRow, JobStep } from './job.types';
import type { JobsRepository } from './jobs.repository';

export interface SiteJobRequest {
  siteId: string;
  kind: JobKind;
  params: Record<string, unknown>;
  principal: Principal;
  requestId?: string;
  steps: JobStep[];
  /** Reads what the job starts from, in the same transaction as the insert. */
  before?: (tx: EntityManager) => Promise<{ fromVersion?: number; params?: Record<string, unknown> }>;
  audit: (tx: EntityManager, jobId: string) => Promise<void>;
}

/**
 * Inserts a long site job (restore, reset, backup restore) unless another runs on the site: one open job
 * per site is a database constraint, and the conflict names the running job. Enqueue after this returns.
 */
export async function startSiteJob(
  dataSource: DataSource,
  jobs: JobsRepository,
  request: SiteJobRequest,
): Promise<JobRow> {
  const open = await jobs.findOpenForSite(request.siteId);
  if (open) throw busy(open);
  try {
    return await dataSource.transaction(async (tx) => {
      const start = (await request.before?.(tx)) ?? {};
      const job = await jobs.insert(
        {
          siteId: request.siteId,
          kind: request.kind,
          params: { ...request.params, ...start.params },
          actor: { actor: request.principal.actor, role: request.principal.role, requestId: request.requestId },
          steps: request.steps,
          fromVersion: start.fromVersion,
        },
        tx,
      );
      await request.audit(tx, job.id);
      return job;
    });
  } catch (error) {
    if (
      error instanceof QueryFailedError &&
      (error.driverError as { constraint?: string }).constraint === 'jobs_one_open_per_site'
    ) {
      const winner = await jobs.findOpenForSite(request.siteId);
      if (winner) throw busy(winner);
    }
    throw error;
  }
}

function busy(open: JobRow): AppError {
  return new AppError(
    'promotion_in_progress',
    `A ${open.kind.replace(/_/g, ' ')} of this site is already running; wait for it to end.`,
    [{ jobId: open.id, kind: open.kind }],
  );
}
