import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { eventCountOf } from '../visitor-data/collect-body';

// 600 analytics events a minute per visitor IP and site: ten a second, far above one reader's page views and
// beacons, and room for a few dozen visitors behind one office or carrier NAT. Counted per process, like forms.
export const COLLECTED_EVENTS = { limit: 600, ttl: 60_000 };

/** The form posts' limiter, counting each event of an `{events: [...]}` batch as a hit of its own. */
@Injectable()
export class EventThrottlerGuard extends ThrottlerGuard {
  protected async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, blockDuration, throttler, getTracker, generateKey } = props;
    const request = context.switchToHttp().getRequest();
    const name = throttler.name ?? 'default';
    const key = generateKey(context, await getTracker(request, context), name);
    // Every event but the last is counted here; the guard's own count of the last one answers 429 when over.
    for (let hits = eventCountOf(request.body); hits > 1; hits--)
      await this.storageService.increment(key, ttl, limit, blockDuration, name);
    return super.handleRequest(props);
  }
}
