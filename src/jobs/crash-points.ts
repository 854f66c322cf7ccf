import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';

/**
 * Failpoints for crash tests: with CRASH_AT=<job>:<step> the worker kills itself with SIGKILL on reaching that
 * point, so a test can prove what survives a crash at every step. Unset (always, outside tests) it does nothing.
 */
@Injectable()
export class CrashPoints {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  async at(point: string): Promise<void> {
    if (this.config.crashAt !== point) return;
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {}); // never resumes: the signal ends the process
  }
}
