import type { FreezeWindow } from '../../libs/freeze-windows';

export interface Site {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  /** The owner lets html blocks run as written (scripts included) instead of sanitised. */
  trustedCustomCode: boolean;
  /** Current approvals by others that a promotion needs (0-5). */
  requiredApprovals: number;
  /** When promotions are refused unless an owner overrides. */
  freezeWindows: FreezeWindow[];
  /** What the post-swap check of a promotion requests besides the home page and the changed pages. */
  smokeChecks: SmokeCheck[];
}

/** A page production must answer after a promotion's swap, else the promotion is rolled back. */
export interface SmokeCheck {
  path: string;
  status: number;
  /** Text the response body must contain (as served, or HTML-escaped). */
  contains?: string;
}

export interface EnvironmentRow {
  siteId: string;
  name: 'staging' | 'production';
  version: number;
  changeSeq: number;
  headStateId: number | null;
  /** Staging only: the production state it was last in step with (last reset or promotion); drift is measured from it. */
  baseStateId: number | null;
  resetAt: Date | null;
  maintenanceReason: string | null;
  maintenanceHolder: string | null;
  maintenanceUntil: Date | null;
}

export type EnvName = 'staging' | 'production';
export const ENV_NAMES: readonly EnvName[] = ['staging', 'production'];
