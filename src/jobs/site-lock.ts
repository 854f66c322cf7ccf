import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import type { JobRow } from './job.types';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * A session-level PostgreSQL advisory lock per site, held on its own connection for a whole job: two
 * workers never run one site's job together, and a worker that dies releases it with its connection.
 * A job without a site (a self-test) is locked by its own id instead.
 */
@Injectable()
export class SiteLock {
  constructor(private readonly dataSource: DataSource) {}

  tryAcquire(siteId: string): Promise<HeldLock | null> {
    return this.tryKey(`site-job:${siteId}`);
  }

  /** The lock whoever runs this job holds: its site's, or the job's own when it has no site. */
  tryAcquireForJob(job: Pick<JobRow, 'id' | 'siteId'>): Promise<HeldLock | null> {
    return job.siteId ? this.tryAcquire(job.siteId) : this.tryKey(`job:${job.id}`);
  }

  private async tryKey(key: string): Promise<HeldLock | null> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = await runner.query(`select pg_try_advisory_lock(hashtextextended($1, 7)) as locked`, [key]);
    if (!locked) {
      await runner.release();
      return null;
    }
    return {
      release: async () => {
        await runner.query(`select pg_advisory_unlock(hashtextextended($1, 7))`, [key]).catch(() => {});
        await runner.release();
      },
    };
  }
}
