import { useEffect, useId, useRef, useState } from 'react';
import type { Api } from '../api';
import { duration } from '../format';
import { followJob } from '../job-stream';
import { isOpen, type Job } from '../types';
import { ErrorMessage } from './ui';

const STEP_LABELS: Record<string, string> = {
  'check-fingerprint': 'Check that the reviewed diff is still current',
  validate: 'Validate references',
  'copy-media': 'Copy media files',
  snapshot: 'Snapshot production',
  'build-state': 'Build the new content state',
  'plan-check': 'Plan the check of production’s pages',
  swap: 'Swap production (maintenance window)',
  verify: 'Check production’s pages (still in maintenance)',
  'mark-staging-in-step': 'Mark staging in step with production',
  finish: 'Finish',
  'finish-rollback': 'Record the rollback',
};
const STATUS_TEXT: Record<string, string> = {
  pending: 'waiting',
  running: 'running…',
  succeeded: 'done',
  skipped: 'skipped',
  failed: 'failed',
};
const stepLabel = (name: string) => STEP_LABELS[name] ?? name.replace(/[-_]/g, ' ');

/** A job's live progress over server-sent events, ending with its outcome: versions and timings, or the failed step. */
export function JobProgress(props: {
  api: Api;
  jobId: string;
  title: string;
  /** The sentence for a job that succeeded, e.g. "Production is now version 4." */
  describeSuccess: (job: Job) => string;
  onEnd?: (job: Job) => void;
  initial?: Job;
}) {
  const { api, jobId, onEnd } = props;
  const [job, setJob] = useState<Job | undefined>(props.initial);
  const [error, setError] = useState<unknown>();
  const headingId = useId();
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    const controller = new AbortController();
    followJob(api, jobId, setJob, controller.signal).then(
      (final) => onEndRef.current?.(final),
      (e) => !controller.signal.aborted && setError(e),
    );
    return () => controller.abort();
  }, [api, jobId]);

  const open = !job || isOpen(job);
  const progress = job?.status === 'succeeded' || job?.status === 'rolled_back' ? 100 : (job?.progress ?? 0);
  const failedStep = job?.steps.find((s) => s.status === 'failed')?.name ?? job?.step ?? null;
  const done = job?.steps.filter((s) => s.status === 'succeeded' || s.status === 'skipped').length ?? 0;

  return (
    <section className="card job" aria-labelledby={headingId} data-job-status={job?.status ?? 'loading'}>
      <h3 id={headingId}>{props.title}</h3>
      <label className="progress-label">
        <span className="visually-hidden">{props.title} progress</span>
        <progress max={100} value={progress} />
      </label>
      <p role="status" aria-live="polite" className="job-status">
        {!job && 'Connecting to the job…'}
        {job?.status === 'queued' && 'Queued: waiting for a worker.'}
        {job?.status === 'running' &&
          `Step ${Math.min(done + 1, job.steps.length)} of ${job.steps.length}: ${stepLabel(job.step ?? '')} (${progress}%)`}
        {job?.status === 'succeeded' && (
          <strong className="ok">
            Done. {props.describeSuccess(job)} Maintenance window: {duration(job.timings?.maintenanceMs)}; total{' '}
            {duration(job.timings?.totalMs)}.
          </strong>
        )}
        {job?.status === 'cancelled' && 'The job was cancelled.'}
      </p>
      {job?.status === 'rolled_back' && <RolledBack job={job} />}
      {job?.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <strong>Failed at step “{stepLabel(failedStep ?? 'unknown')}”.</strong>{' '}
          {job.error?.message ?? 'No reason recorded.'}
          {job.error?.details && job.error.details.length > 0 && (
            <ul className="field-errors">
              {job.error.details.slice(0, 20).map((detail, i) => (
                <li key={i}>
                  <code>{typeof detail === 'string' ? detail : JSON.stringify(detail)}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {job && (
        <ol className="steps">
          {job.steps.map((step) => (
            <li key={step.name} className={`step step-${step.status}`} data-step={step.name}>
              <span className="step-name">{stepLabel(step.name)}</span>{' '}
              <span className="step-state">{STATUS_TEXT[step.status] ?? step.status}</span>
            </li>
          ))}
        </ol>
      )}
      {open && error !== undefined && <ErrorMessage error={error} title="Lost track of the job:" />}
    </section>
  );
}

interface CheckFailure {
  url: string;
  expected: string;
  status: number;
  error?: string;
}

/** A promotion its post-swap check swapped back: which URLs failed, and what they answered. */
function RolledBack({ job }: { job: Job }) {
  const failures = (job.error?.details ?? []) as CheckFailure[];
  return (
    <div className="notice notice-error" role="alert" data-rolled-back>
      <strong>Rolled back: production is on its previous state again.</strong> {job.error?.message} Checked in{' '}
      {duration(job.timings?.verifyMs)} after the swap.
      <ul className="field-errors">
        {failures.slice(0, 20).map((failure, i) => (
          <li key={i}>
            <code>{failure.url}</code> answered {failure.status}, expected {failure.expected}
            {failure.error ? `: ${failure.error}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
