/** The parts of the API's answers (docs/openapi.json) that the CLI reads; it keeps the rest as it came. */
export interface Job {
  id: string;
  kind: string;
  status: string;
  step: string | null;
  progress: number;
  fromVersion: number | null;
  toVersion: number | null;
  snapshotId: string | null;
  timings: { totalMs?: number; maintenanceMs?: number } | null;
  error: { code: string; message: string; details?: unknown[] } | null;
  createdAt?: string;
  finishedAt?: string | null;
}

export const FINAL_STATUSES = new Set(['succeeded', 'failed', 'cancelled', 'rolled_back']);

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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface PreviewChange {
  type: string;
  key: string;
  op: 'added' | 'changed' | 'removed';
  delta?: unknown;
  staging?: { version: number | null };
  production?: { version: number | null };
  /** In a selective preview: the selected entity that needs this one (null or absent: selected itself). */
  includedBecause?: { type: string; key: string } | null;
}

export interface Preview {
  fingerprint: string;
  staging: { version: number };
  production: { version: number; stateId: number };
  summary: ChangeCounts & { byType: Record<string, ChangeCounts> };
  changes: PreviewChange[];
  nextCursor: string | null;
  /** The launch report (errors first, at most the API's page of it); `checkSummary` counts every check. */
  checks: LaunchCheck[];
  checkSummary: Record<LaunchCheck['severity'], number>;
}

export interface LaunchCheck {
  code: string;
  severity: 'error' | 'warning' | 'info';
  type: string;
  key: string;
  message: string;
  fix?: { type: string; key: string; data: { from: string; to: string; status: number } };
}

export interface Snapshot {
  id: string;
  label: string;
  productionVersion: number;
  createdAt: string;
}
