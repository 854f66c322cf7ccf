import { Inject, Injectable } from '@nestjs/common';
import type { CrashPoint } from '../platform/config/config';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';

/**
 * Failpoints for crash tests: with CRASH_AT=<job>:<step> the worker kills itself with SIGKILL on reaching that
 * point, so a test can prove what survives a crash at every step. Unset (always, outside tests) it does nothing.
 *
 * CRASH_AT may list several points, each optionally for one site (`promotion:swap@<site id>`): a job stops at
 * its point, and once every listed point has been reached the worker kills itself, so one worker process
 * crashes several sites' jobs at once, each exactly where its site's point says (a process start costs
 * seconds of CPU; one per point made the crash tests slow). List at most JOB_CONCURRENCY points: a stopped job
 * keeps its place in the worker.
 */
@Injectable()
export class CrashPoints {
  private readonly waiting: CrashPoint[];

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.waiting = [...(config.crashAt ?? [])];
  }

  async at(point: string, siteId: string | null): Promise<void> {
    const i = this.waiting.findIndex((c) => c.point === point && (c.siteId === undefined || c.siteId === siteId));
    if (i < 0) return;
    this.waiting.splice(i, 1);
    if (this.waiting.length === 0) process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {}); // never resumes: the signal ends the process, now or at the last point
  }
}
