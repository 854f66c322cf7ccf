// What a webhook can subscribe to. Job lifecycle events are the audit log's own actions (`<kind>.<what>`,
// recorded in the same transaction as the change), so the audit log is the outbox: no job calls webhooks.
const JOB_KINDS = ['promotion', 'restore', 'reset'] as const;
const LIFECYCLE = ['requested', 'started', 'succeeded', 'failed', 'cancelled'] as const;

export const WEBHOOK_EVENTS: readonly string[] = [
  ...JOB_KINDS.flatMap((kind) => LIFECYCLE.map((what) => `${kind}.${what}`)),
  // Written by the release workflow (scheduling, undo, approvals); they flow as soon as they are audited.
  'promotion.scheduled',
  'promotion.rolled_back',
  'approval.created',
];

/** Every event of one family (`promotion.*`), or everything (`*`). */
export const WEBHOOK_WILDCARDS: readonly string[] = [
  '*',
  ...[...new Set(WEBHOOK_EVENTS.map((event) => `${event.split('.')[0]}.*`))],
];

/** What `events` may hold. */
export const WEBHOOK_EVENT_PATTERNS: readonly string[] = [...WEBHOOK_EVENTS, ...WEBHOOK_WILDCARDS];

const EVENTS = new Set(WEBHOOK_EVENTS);

/** The event an audit action is, or null for actions no webhook hears (content writes, tokens, …). */
export const eventOfAction = (action: string): string | null => (EVENTS.has(action) ? action : null);

/** The subscriptions that hear an event: itself, its family's wildcard and `*`. */
export const patternsHearing = (event: string): string[] => [event, `${event.split('.')[0]}.*`, '*'];

/** The job status an event reports (the job may have moved on by the time the delivery is built). */
export function statusOfEvent(event: string): string | null {
  const what = event.split('.')[1];
  const statuses: Record<string, string> = {
    requested: 'queued',
    scheduled: 'scheduled',
    started: 'running',
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'cancelled',
  };
  return statuses[what] ?? null;
}
