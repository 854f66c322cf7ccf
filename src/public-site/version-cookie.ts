import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { Metrics } from '../platform/metrics/metrics';
import { SESSION_TTL_SECONDS } from '../visitor-data/visitor-sessions.service';
import { readCookie, setCookie } from './cookies';
import type { SiteTarget } from './site-target';

export const VERSION_COOKIE = 'promote_version';
// <version>.<mac>: production's version (an int column) and 132 bits of HMAC-SHA256 over site and version.
const VALUE = /^(\d{1,10})\.([A-Za-z0-9_-]{22})$/;
const MAX_VERSION = 2 ** 31 - 1;

/** What a request's version cookie says: the version it claims (0: none) and, once asked, whether we signed it. */
interface Seen {
  claimed: number;
  mac: string;
  genuine?: boolean;
}

/**
 * The highest production version a visitor was served, in a cookie of its session: a node that knows an older
 * head reads the head before answering, so a visitor never gets the old site after the new one, on any node,
 * however late the swap's message. Signed with a key derived from the admin token every node shares: a forged
 * version is ignored (and overwritten), so it can never make a node read the database.
 */
@Injectable()
export class VersionCookie {
  private readonly key: Buffer;
  private readonly seen = new WeakMap<Request, Seen>();

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    private readonly metrics: Metrics,
  ) {
    this.key = createHmac('sha256', config.adminToken).update('promote version cookie v1').digest();
  }

  /** The version the visitor's cookie claims, unchecked (0 without one): cheap, for the cached-page fast path. */
  claimed(request: Request): number {
    return this.read(request).claimed;
  }

  /**
   * The version this node must serve at least: the cookie's when we signed it for this site and it is ahead
   * of `known`, else 0. Only a cookie ahead of the node is checked (an HMAC), and a forged one is counted.
   */
  ahead(request: Request, siteId: string, known: number): number {
    const seen = this.read(request);
    if (seen.claimed <= known) return 0;
    seen.genuine ??= sameMac(this.sign(siteId, seen.claimed), seen.mac) || this.forged();
    return seen.genuine ? seen.claimed : 0;
  }

  /** After serving production's content: the cookie moves up to the version served (or replaces a forged one). */
  remember(request: Request, response: Response, target: SiteTarget): void {
    const version = target.environment.version;
    const claimed = this.claimed(request);
    if (claimed === version) return;
    // Ahead of what we serve and ours: this node could not catch up (see EnvironmentCache.atLeast); keep it.
    if (claimed > version && this.ahead(request, target.site.id, version)) return;
    setCookie(request, response, VERSION_COOKIE, `${version}.${this.sign(target.site.id, version)}`, {
      path: target.base || '/',
      maxAge: SESSION_TTL_SECONDS * 1000,
    });
  }

  private read(request: Request): Seen {
    let seen = this.seen.get(request);
    if (seen) return seen;
    const match = VALUE.exec(readCookie(request, VERSION_COOKIE) ?? '');
    const claimed = match ? Number(match[1]) : 0;
    seen = claimed <= MAX_VERSION ? { claimed, mac: match?.[2] ?? '' } : { claimed: 0, mac: '' };
    this.seen.set(request, seen);
    return seen;
  }

  private sign(siteId: string, version: number): string {
    return createHmac('sha256', this.key).update(`${siteId}:${version}`).digest('base64url').slice(0, 22);
  }

  private forged(): false {
    this.metrics.headCatchup('forged');
    return false;
  }
}

const sameMac = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
