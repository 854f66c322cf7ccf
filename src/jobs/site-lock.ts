import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * A session-level PostgreSQL advisory lock per site, held on its own connection for a whole job: two
 * workers never run one site's job together, and a worker that dies releases it with its connection.
 */
@Injectable()
export class SiteLock {
  constructor(private readonly dataSource: DataSource) {}

  async tryAcquire(siteId: string): Promise<{ release(): Promise<void> } | null> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = await runner.query(`select pg_try_advisory_lock(hashtextextended($1, 7)) as locked`, [
      `site-job:${siteId}`,
    ]);
    if (!locked) {
      await runner.release();
      return null;
    }
    return {
      release: async () => {
        await runner
          .query(`select pg_advisory_unlock(hashtextextended($1, 7))`, [`site-job:${siteId}`])
          .catch(() => {});
        await runner.release();
      },
    };
  }
}
