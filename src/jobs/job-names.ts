/** Site jobs share one queue, so a site's jobs are ordered and bounded together; the rest have their own. */
export const QueueName = {
  SiteJobs: 'site-jobs',
  Housekeeping: 'housekeeping',
  WebhookDeliveries: 'webhook-deliveries',
  VisualDiffs: 'visual-diffs',
} as const;

export const JobKind = {
  Promotion: 'promotion',
  Restore: 'restore',
  Reset: 'reset',
  StagingBackupRestore: 'staging_backup_restore',
  SelfTest: 'self_test',
} as const;
export type JobKind = (typeof JobKind)[keyof typeof JobKind];

/** Payloads carry ids only: every attempt reads the current state again. */
export interface SiteJob {
  jobId: string;
}
