import { AppError } from '../errors/app-error';
import { SchemaPipe } from '../validation/body.pipe';
import type { CollectedEvent } from './analytics.service';
import { collectBatchSchema, collectEventSchema, MAX_PROPS_BYTES } from './visitor-data.dto';

const oneEvent = new SchemaPipe(collectEventSchema);
const batch = new SchemaPipe(collectBatchSchema);

/** The events of a POST /collect body: `{event, path, props?}` or `{events: [...]}`, validated. */
export function collectedEvents(body: unknown): CollectedEvent[] {
  const isBatch = typeof body === 'object' && body !== null && 'events' in body;
  const events: CollectedEvent[] = isBatch ? batch.transform(body).events : [oneEvent.transform(body)];
  events.forEach((event, index) => {
    const json = event.props ? JSON.stringify(event.props) : '';
    // One event that the database refuses (U+0000 cannot be stored) would fail the whole batch it is written in.
    const problem =
      json.length > MAX_PROPS_BYTES
        ? `must be at most ${MAX_PROPS_BYTES} bytes of JSON`
        : json.includes('\\u0000')
          ? 'must not contain the NUL character'
          : null;
    if (problem)
      throw new AppError('validation_failed', 'The event is not valid.', [
        { path: isBatch ? `body.events[${index}].props` : 'body.props', message: problem },
      ]);
  });
  return events;
}
