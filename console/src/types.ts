// The shapes of ../shared/API.md that the console reads (fields it does not use are left out).

export type Env = 'staging' | 'production';
export type Role = 'owner' | 'editor' | 'reviewer';

// The one list of promotable types, shared with the service (a plain module: the bundle takes it as is).
import type { ContentType } from '../../libs/content-model/src/content-types';
export { CONTENT_TYPES, type ContentType } from '../../libs/content-model/src/content-types';
export const isPublishable = (type: string): boolean => type === 'page' || type === 'post';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Site {
  id: string;
  slug: string;
  name: string;
  environments: {
    staging: { version: number; resetAt: string | null };
    production: {
      version: number;
      stateId: number | null;
      maintenance: { reason: string | null; holder: string | null; until: string } | null;
    };
  };
}

export interface Counts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface Change {
  type: ContentType;
  key: string;
  op: 'added' | 'changed' | 'removed';
  delta?: unknown;
  data?: unknown;
  staging: { version: number | null };
  production: { version: number | null };
}

export interface Preview {
  fingerprint: string;
  staging: { version: number };
  production: { version: number; stateId: number };
  summary: Counts & { byType: Partial<Record<ContentType, Counts>> };
  changes: Change[];
  nextCursor: string | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: 'promotion' | 'restore' | 'reset' | 'staging_backup_restore' | string;
  site: string | null;
  status: JobStatus;
  step: string | null;
  progress: number;
  steps: { name: string; status: string; startedAt: string | null; finishedAt: string | null }[];
  fromVersion: number | null;
  toVersion: number | null;
  snapshotId: string | null;
  timings: { totalMs?: number; maintenanceMs?: number } | null;
  error: { code: string; message: string; details?: unknown[] } | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface PromotionRecord extends Job {
  summary: Counts | null;
  snapshot: boolean;
}

export const isOpen = (job: Pick<Job, 'status'>): boolean => job.status === 'queued' || job.status === 'running';

export interface Snapshot {
  id: string;
  label: string;
  productionVersion: number;
  entityCount: number;
  origin: string;
  createdBy: string | null;
  createdAt: string;
}

export interface StagingBackup {
  id: string;
  reason: 'reset' | 'backup_restore';
  stagingVersion: number;
  entityCount: number;
  createdAt: string;
}

export interface ReviewLink {
  id: string;
  label: string;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  status: 'active' | 'expired' | 'revoked';
}

export interface Entity {
  type: ContentType;
  key: string;
  data: unknown;
  published?: unknown;
  revision: string;
  publishedRevision?: string | null;
  version: number;
  updatedAt: string;
}

export interface SiteToken {
  id: string;
  role: Role;
  label: string;
}
