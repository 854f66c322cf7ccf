import { AppError } from '../platform/errors/app-error';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { propsJson, textProblem } from './event-props';
import { collectBatchSchema, collectEventSchema, MAX_BATCH_EVENTS } from './visitor-data.dto';

/** An event as it is stored: checked field by field, its props already the JSON text to write. */
export interface CollectedEvent {
  event: string;
  path: string;
  propsJson: string | null;
}

interface EventBody {
  event: string;
  path: string;
  props?: object;
}

const oneEvent = new SchemaPipe(collectEventSchema);
const batch = new SchemaPipe(collectBatchSchema);

/**
 * The events of a POST /collect body (`{event, path, props?}` or `{events: [...]}`), each one checked down to
 * what the database would refuse, before any of them joins a batch: a bad event fails its own request only.
 */
export function collectedEvents(body: unknown): CollectedEvent[] {
  const isBatch = isEventBatch(body);
  const events: EventBody[] = isBatch ? batch.transform(body).events : [oneEvent.transform(body)];
  const problems: { path: string; message: string }[] = [];
  const collected = events.map((event, index) => {
    const at = isBatch ? `body.events[${index}]` : 'body';
    const pathProblem = textProblem(event.path);
    if (pathProblem) problems.push({ path: `${at}.path`, message: pathProblem });
    const props = event.props === undefined ? { json: null } : propsJson(event.props);
    if ('problem' in props) problems.push({ path: `${at}.props`, message: props.problem });
    return { event: event.event, path: event.path, propsJson: 'json' in props ? props.json : null };
  });
  if (problems.length) throw new AppError('validation_failed', 'The event is not valid.', problems);
  return collected;
}

/** How many events a body carries, as the rate limit counts them (before validation; capped at a batch's most). */
export function eventCountOf(body: unknown): number {
  if (!isEventBatch(body)) return 1;
  const { events } = body as { events: unknown };
  return Array.isArray(events) ? Math.min(Math.max(events.length, 1), MAX_BATCH_EVENTS) : 1;
}

function isEventBatch(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'events' in body;
}
