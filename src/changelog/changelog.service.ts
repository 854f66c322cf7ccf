import { Injectable } from '@nestjs/common';
import { JobKind } from '../jobs/job-names';
import type { JobRow } from '../jobs/job.types';
import { JobsService } from '../jobs/jobs.service';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { parseFingerprint } from '../promotion/fingerprint';
import { type ChangeGroup, changelogMarkdown, changelogSummary } from './changelog-format';
import { ChangelogRepository } from './changelog.repository';

export interface Changelog {
  jobId: string;
  kind: string;
  fromVersion: number | null;
  toVersion: number | null;
  /** One plain-language sentence: "3 pages changed: Home, About, Menu; 1 form added: Contact". */
  summary: string;
  counts: { added: number; changed: number; removed: number };
  /** Per type and op: the count and the first names (titles, else keys). */
  groups: ChangeGroup[];
}

/**
 * The two immutable states a job moved production between: the head it started on and the state it built.
 * Null until the job has built its state (queued, or failed before building).
 */
function statesOf(job: JobRow): { from: number; to: number } | null {
  const to = Number(job.result?.stateId);
  const from =
    job.kind === JobKind.Promotion
      ? parseFingerprint(String(job.params?.fingerprint ?? ''))?.headStateId
      : job.kind === JobKind.Restore
        ? Number(job.params?.baseStateId)
        : undefined;
  return Number.isInteger(to) && Number.isInteger(from) ? { from: from!, to } : null;
}

/** What a promotion (or a restore) changed on production, from the two states, in words people read. */
@Injectable()
export class ChangelogService {
  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
    private readonly changelog: ChangelogRepository,
  ) {}

  /**
   * A job's changelog, or null when the job is of a kind without one, has not built its state yet, or one of
   * its states was collected. Read under the shared content lock, so the collector cannot take a state midway.
   */
  async ofJob(job: JobRow): Promise<Changelog | null> {
    const states = statesOf(job);
    if (!states) return null;
    const groups = await this.transactions.run({ contentLock: 'shared' }, (tx) =>
      this.changelog.groups(tx, states.from, states.to),
    );
    if (!groups) return null;
    const counts = { added: 0, changed: 0, removed: 0 };
    for (const group of groups) counts[group.op] += group.count;
    return {
      jobId: job.id,
      kind: job.kind,
      fromVersion: job.fromVersion,
      toVersion: job.toVersion,
      summary: changelogSummary(groups),
      counts,
      groups,
    };
  }

  /** A promotion of the site's changelog; 404 for no such promotion, 409 while it has not built its state. */
  async ofPromotion(siteId: string, id: string): Promise<Changelog> {
    const job = await this.jobs.findForSite(siteId, id);
    if (!job || job.kind !== JobKind.Promotion) throw new AppError('not_found', `No promotion ${id}.`);
    const changelog = await this.ofJob(job);
    if (!changelog)
      throw new AppError(
        'changelog_unavailable',
        statesOf(job)
          ? 'A state of this promotion was garbage-collected, so its changelog can no longer be computed.'
          : `The promotion has not built its new state (it is ${job.status}), so there is no changelog yet.`,
        [{ jobId: job.id, status: job.status }],
      );
    return changelog;
  }
}

/** The changelog as a Markdown document (every name escaped). */
export function changelogAsMarkdown(changelog: Changelog): string {
  const versions =
    changelog.toVersion === null ? '' : ` to production v${changelog.toVersion} (from v${changelog.fromVersion ?? 0})`;
  return changelogMarkdown(`Promotion${versions}`, changelog.groups);
}
