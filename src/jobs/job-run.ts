import type { JobsRepository } from './jobs.repository';
import type { JobEvents } from './job-events';
import type { JobRow, JobStep } from './job.types';

/** Records each step of one attempt on the job row, so the API shows progress and the reason of a failure. */
export class JobRun {
  private readonly steps: JobStep[];

  constructor(
    readonly job: JobRow,
    private readonly jobs: JobsRepository,
    private readonly events: JobEvents,
  ) {
    this.steps = job.steps.map((step) => ({ ...step }));
  }

  /** Runs one step; retries belong to BullMQ, so every step must be safe to run twice. */
  async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const step = this.find(name);
    step.status = 'running';
    step.startedAt = new Date().toISOString();
    step.finishedAt = null;
    await this.save(name);
    try {
      const result = await work();
      step.status = 'succeeded';
      step.finishedAt = new Date().toISOString();
      await this.save(name);
      return result;
    } catch (error) {
      step.status = 'failed';
      step.finishedAt = new Date().toISOString();
      await this.save(name);
      throw error;
    }
  }

  async skip(name: string, detail?: unknown): Promise<void> {
    const step = this.find(name);
    step.status = 'skipped';
    step.detail = detail;
    step.startedAt = step.finishedAt = new Date().toISOString();
    await this.save(name);
  }

  private find(name: string): JobStep {
    let step = this.steps.find((s) => s.name === name);
    if (!step) {
      step = { name, status: 'pending', startedAt: null, finishedAt: null };
      this.steps.push(step);
    }
    return step;
  }

  private async save(current: string): Promise<void> {
    const done = this.steps.filter((s) => s.status === 'succeeded' || s.status === 'skipped').length;
    const progress = Math.min(99, Math.floor((done / Math.max(1, this.steps.length)) * 100));
    await this.jobs.saveProgress(this.job.id, { step: current, progress, steps: this.steps });
    await this.events.publish(this.job.id);
  }
}

export function plannedSteps(names: readonly string[]): JobStep[] {
  return names.map((name) => ({ name, status: 'pending', startedAt: null, finishedAt: null }));
}
