/** How an open job shows that someone still works on it, and when the database sweep takes it over. */

// The running worker bumps jobs.heartbeat_at this often.
export const HEARTBEAT_MS = 1000;

// A job whose heartbeat is older than this and whose site lock is free has no live worker: three missed
// beats, so a busy but live worker is not taken over (its site lock would refuse the takeover anyway).
export const STALE_SECONDS = 3;

// Attempts (workers that started the job) before the sweep fails it rather than enqueue it once more.
export const MAX_JOB_ATTEMPTS = 5;

// How often each worker sweeps; one indexed query when nothing is stale.
export const SWEEP_INTERVAL_MS = 1000;

// A schedule's delayed queue entry fires by the clock of the node that enqueued it; the database's clock may
// be this far behind and the schedule still fires (rather than wait another round).
export const FIRE_EARLY_MS = 1000;
// A schedule that starts later than this after its run_at was missed (no worker was up, or Redis lost it):
// the job says so (result.late) and so does its audit entry.
export const LATE_AFTER_MS = 2000;
