import type { JobKind } from './job-names';

export type JobStatus = 'scheduled' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'rolled_back';
/** How a job ends when all its steps ran. */
export type FinishedStatus = Extract<JobStatus, 'succeeded' | 'rolled_back'>;
/** The statuses a job ends in. */
export type FinalStatus = Extract<JobStatus, 'succeeded' | 'failed' | 'cancelled' | 'rolled_back'>;
export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';

export interface JobStep {
  name: string;
  status: StepStatus;
  startedAt: string | null;
  finishedAt: string | null;
  detail?: unknown;
  /** What the step handed on to later ones (kept so that a retry does not redo a finished step). */
  output?: unknown;
}

export interface JobActor {
  actor: string;
  role: string;
  requestId?: string;
}

export interface JobRow {
  id: string;
  siteId: string | null;
  kind: JobKind;
  status: JobStatus;
  step: string | null;
  progress: number;
  steps: JobStep[];
  params: Record<string, any>;
  result: Record<string, any>;
  fromVersion: number | null;
  toVersion: number | null;
  snapshotId: string | null;
  timings: { totalMs?: number; maintenanceMs?: number; [k: string]: number | undefined } | null;
  error: { code: string; message: string; details?: unknown[] } | null;
  actor: JobActor | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** When a scheduled job fires (null for a job that runs at once). */
  runAt: Date | null;
  /** Until when someone vouches for the open job (its worker bumps it every second). */
  heartbeatAt: Date;
}
