import type { Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TransactionOptions } from '../platform/database/transactions';
import type { JobKind } from './job-names';
import type { FinishedStatus, JobRow } from './job.types';

/** What a step may record on the job for the API and the history (never scratch data between steps). */
export type JobRecord = Partial<Pick<JobRow, 'fromVersion' | 'toVersion' | 'snapshotId' | 'timings' | 'result'>>;

export interface JobContext<Params> {
  /** The job row as this attempt found it. */
  readonly job: JobRow;
  readonly siteId: string;
  readonly params: Params;
  /** A service of the application (definitions are plain objects, so they ask for what they use). */
  use<T>(service: Type<T> | symbol): T;
  record(values: JobRecord, tx?: EntityManager): Promise<void>;
}

/** The outputs of the steps that ran before, by step name. */
export type StepOutputs = Readonly<Record<string, any>>;

export interface JobStep<Params> {
  name: string;
  /** A reason to skip the step (recorded on it), or null to run it; `done`: the earlier steps' outputs. */
  skipIf?: (ctx: JobContext<Params>, done: StepOutputs) => string | null;
  /**
   * Run the step in one transaction through the door: the step's success is recorded inside it, so the job
   * never shows a step as done whose work did not commit.
   */
  transaction?: TransactionOptions;
  run(ctx: JobContext<Params> & { tx: EntityManager }, done: StepOutputs): Promise<unknown>;
}

/**
 * A kind of long job as data: its steps in order. The runner records each step, fires the crash points
 * `<kind>:<step>` and `<kind>:after-<step>` itself, and hands each step's output to the later ones. Every step
 * must be safe to run twice (a retry, or a new worker after a crash).
 */
export interface JobDefinition<Params = any> {
  kind: JobKind;
  steps: readonly JobStep<Params>[];
  /** How the job ends once every step ran (default: succeeded), e.g. rolled back with the reason as its error. */
  outcome?(done: StepOutputs): JobOutcome | null;
  /** After every step has committed (e.g. tell other nodes to look again). */
  succeeded?(ctx: JobContext<Params>): Promise<void>;
  /** Cleanup after the last failed attempt (e.g. give back a maintenance lease still held). */
  onFailed?(ctx: JobContext<Params>): Promise<void>;
}

export interface JobOutcome {
  status: FinishedStatus;
  error?: NonNullable<JobRow['error']>;
}

export function defineJob<Params>(definition: JobDefinition<Params>): JobDefinition<Params> {
  return definition;
}
