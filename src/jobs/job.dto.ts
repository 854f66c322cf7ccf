import { dateTime, nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';
import { JobKind } from './job-names';
import type { JobRow } from './job.types';

export interface JobDto {
  id: string;
  kind: string;
  site: string | null;
  status: string;
  step: string | null;
  progress: number;
  steps: { name: string; status: string; startedAt: string | null; finishedAt: string | null }[];
  fromVersion: number | null;
  toVersion: number | null;
  snapshotId: string | null;
  timings: { totalMs?: number; maintenanceMs?: number; verifyMs?: number; swapMs?: number } | null;
  error: { code: string; message: string; details?: unknown[] } | null;
  note: string | null;
  result: Record<string, unknown>;
  createdBy: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  runAt: Date | null;
}

export function toJobDto(job: JobRow): JobDto {
  return {
    id: job.id,
    kind: job.kind,
    site: job.siteId,
    status: job.status,
    step: job.step,
    progress: job.progress,
    steps: job.steps.map(({ name, status, startedAt, finishedAt }) => ({ name, status, startedAt, finishedAt })),
    fromVersion: job.fromVersion,
    toVersion: job.toVersion,
    snapshotId: job.snapshotId,
    timings: job.timings,
    error: job.error,
    note: job.params?.note ?? null,
    result: job.result,
    createdBy: job.actor?.actor ?? null,
    attempts: job.attempts,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    runAt: job.runAt,
  };
}

export const JOB_STATUSES = ['scheduled', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'rolled_back'];
const STEP_STATUSES = ['pending', 'running', 'succeeded', 'failed', 'skipped'];

export const jobProperties: Record<string, SchemaObject> = {
  id: { type: 'string', format: 'uuid' },
  kind: { type: 'string', enum: Object.values(JobKind) },
  site: nullable({ type: 'string', format: 'uuid', description: "the site's id" }),
  status: { type: 'string', enum: JOB_STATUSES },
  step: nullable({ type: 'string', description: 'the step running or last run' }),
  progress: { type: 'integer', minimum: 0, maximum: 100 },
  steps: {
    type: 'array',
    items: object({
      name: { type: 'string' },
      status: { type: 'string', enum: STEP_STATUSES },
      startedAt: nullable(dateTime),
      finishedAt: nullable(dateTime),
    }),
  },
  fromVersion: nullable({ type: 'integer' }),
  toVersion: nullable({ type: 'integer' }),
  snapshotId: nullable({ type: 'string', format: 'uuid' }),
  timings: nullable(
    object(
      {
        totalMs: { type: 'integer' },
        maintenanceMs: { type: 'integer' },
        verifyMs: { type: 'number', description: "a promotion's post-swap check: from the swap to the verdict" },
        swapMs: {
          type: 'number',
          description:
            'a swapping job: its lease taken to the head swapped (one statement); maintenanceMs adds the check',
        },
      },
      ['totalMs', 'maintenanceMs'],
    ),
  ),
  error: nullable(
    object({ code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: {} } }, [
      'details',
    ]),
  ),
  note: nullable({ type: 'string' }),
  result: {
    type: 'object',
    additionalProperties: true,
    description:
      'what the job reports (a scheduled promotion: `stateId`, the state pinned when it was scheduled; once it fires, ' +
      '`lateByMs` from runAt to its start and `late`, true when it was missed and ran on recovery; a promotion: ' +
      '`verification`, its post-swap check, `{verdict: "passed"|"rolled_back", checked, failures: [{url, path, ' +
      'check, expected, status, error?}]}`)',
  },
  createdBy: nullable({ type: 'string', description: '"admin" or "token:<id>"' }),
  attempts: { type: 'integer' },
  createdAt: dateTime,
  startedAt: nullable(dateTime),
  finishedAt: nullable(dateTime),
  runAt: nullable({ ...dateTime, description: 'when a scheduled job fires (null: it ran at once)' }),
};

/** The response schemas of the jobs API, named in the OpenAPI document. */
export const jobSchemas: Record<string, SchemaObject> = {
  Job: object(jobProperties),
};
