import type { JobRow } from './job.types';

/** Who asked for the job, as the audit log records them. */
export const actorOf = (job: JobRow) => ({ actor: job.actor?.actor ?? 'system', role: job.actor?.role ?? 'system' });
