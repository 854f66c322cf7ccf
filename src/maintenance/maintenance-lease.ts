import type { EnvironmentRow } from '../sites/site.types';

/**
 * Whether an environment's maintenance lease holds at `now`, by this node's clock: a lease nobody releases
 * ends at its expiry on every node, with no message needed (so also when Redis is unreachable).
 */
export function isLeaseActive(environment: Pick<EnvironmentRow, 'maintenanceUntil'>, now = Date.now()): boolean {
  const until = environment.maintenanceUntil;
  return until !== null && until !== undefined && new Date(until).getTime() > now;
}

/** Seconds a client should wait before trying again: until the lease ends, at least 1, at most an hour. */
export function retryAfterSeconds(environment: Pick<EnvironmentRow, 'maintenanceUntil'>, now = Date.now()): number {
  const until = environment.maintenanceUntil ? new Date(environment.maintenanceUntil).getTime() : now;
  return Math.min(3600, Math.max(1, Math.ceil((until - now) / 1000)));
}

/** The lease holder a job's swap takes the lease as (so a cancel or a failed job can end that lease only). */
export const jobLeaseHolder = (jobId: string): string => `job:${jobId}`;
