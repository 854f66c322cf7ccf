import { Injectable } from '@nestjs/common';
import type { JobKind } from './job-names';
import type { JobRun } from './job-run';
import type { JobRow } from './job.types';

/** One kind of long site job: its planned steps and how to run them. */
export interface JobHandler {
  kind: JobKind;
  steps: readonly string[];
  run(run: JobRun): Promise<void>;
  /** Cleanup after the last failed attempt (e.g. release a maintenance lease still held). */
  onFailed?(job: JobRow): Promise<void>;
}

@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<JobKind, JobHandler>();

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`Two handlers for job kind ${handler.kind}`);
    this.handlers.set(handler.kind, handler);
  }

  get(kind: JobKind): JobHandler | undefined {
    return this.handlers.get(kind);
  }
}
