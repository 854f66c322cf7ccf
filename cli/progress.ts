import { Presets, SingleBar } from 'cli-progress';
import { jobLine } from './format';
import { FINAL_STATUSES, type Job } from './types';

/** Shows a job's progress while a command waits for it; the outcome itself is the command's to print. */
export interface ProgressReporter {
  update(job: Job): void;
  stop(): void;
}

/** A live bar on a terminal; elsewhere (CI logs, pipes) one plain line per change of status or step. */
export function progressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new SingleBar(
    { stream, format: '{kind} {bar} {percentage}% | {status}{step}', hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  let started = false;
  const payload = (job: Job) => ({ kind: job.kind, status: job.status, step: job.step ? `: ${job.step}` : '' });
  return {
    update(job) {
      if (!started) bar.start(100, job.progress, payload(job));
      else bar.update(job.progress, payload(job));
      started = true;
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function lineReporter(stream: NodeJS.WritableStream): ProgressReporter {
  let last = '';
  return {
    update(job) {
      if (FINAL_STATUSES.has(job.status)) return;
      const line = jobLine(job);
      if (line !== last) stream.write(`${line}\n`);
      last = line;
    },
    stop() {},
  };
}
