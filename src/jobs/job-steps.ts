import type { EntityManager } from 'typeorm';
import type { Transactions } from '../platform/database/transactions';
import type { JobsRepository } from './jobs.repository';
import type { JobEvents } from './job-events';
import type { JobRow, JobStep } from './job.types';

/** Records each step of one attempt on the job row, so the API shows progress and the reason of a failure. */
export class JobSteps {
  private readonly steps: JobStep[];

  constructor(
    private readonly job: JobRow,
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly events: JobEvents,
  ) {
    this.steps = job.steps.map((step) => ({ ...step }));
  }

  start(name: string): Promise<void> {
    return this.mark(name, 'running');
  }

  /**
   * The step's output is kept on it, so a later attempt hands it on instead of redoing the step. With `tx`,
   * the success commits with the step's own work; the caller announces after the commit.
   */
  succeed(name: string, output: unknown, tx?: EntityManager): Promise<void> {
    this.find(name).output = output ?? null;
    return this.mark(name, 'succeeded', tx);
  }

  /** An earlier attempt's committed success: its output, or undefined when the step has to run. */
  doneBefore(name: string): { output: unknown } | undefined {
    const step = this.steps.find((s) => s.name === name);
    return step?.status === 'succeeded' ? { output: step.output } : undefined;
  }

  fail(name: string): Promise<void> {
    return this.mark(name, 'failed');
  }

  skip(name: string, detail: string): Promise<void> {
    return this.mark(name, 'skipped', undefined, detail);
  }

  announce(): Promise<void> {
    return this.events.publish(this.job.id);
  }

  private async mark(name: string, status: JobStep['status'], tx?: EntityManager, detail?: string): Promise<void> {
    const step = this.find(name);
    const now = new Date().toISOString();
    step.status = status;
    if (status === 'running' || status === 'skipped') step.startedAt = now;
    step.finishedAt = status === 'running' ? null : now;
    if (detail !== undefined) step.detail = detail;
    const done = this.steps.filter((s) => s.status === 'succeeded' || s.status === 'skipped').length;
    const progress = Math.min(99, Math.floor((done / Math.max(1, this.steps.length)) * 100));
    await this.jobs.saveProgress(tx ?? this.transactions.autocommit, this.job.id, {
      step: name,
      progress,
      steps: this.steps,
    });
    if (!tx) await this.announce();
  }

  private find(name: string): JobStep {
    let step = this.steps.find((s) => s.name === name);
    if (!step) {
      step = { name, status: 'pending', startedAt: null, finishedAt: null };
      this.steps.push(step);
    }
    return step;
  }
}

export function plannedSteps(names: readonly string[]): JobStep[] {
  return names.map((name) => ({ name, status: 'pending', startedAt: null, finishedAt: null }));
}
