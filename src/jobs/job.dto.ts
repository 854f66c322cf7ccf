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
  timings: { totalMs?: number; maintenanceMs?: number } | null;
  error: { code: string; message: string; details?: unknown[] } | null;
  note: string | null;
  result: Record<string, unknown>;
  createdBy: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
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
  };
}
