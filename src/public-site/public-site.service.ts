import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { validateKey } from '../../libs/content-model';
import type { MediaStore } from '../../libs/media-storage';
import { MEDIA_VERSION_LENGTH } from '../../libs/site-renderer';
import { AppError } from '../platform/errors/app-error';
import { SchemaPipe } from '../platform/validation/body.pipe';
import { type ReviewLinkApprovalBody, reviewLinkApprovalSchema } from '../release-gates/approval.dto';
import { ApprovalsService } from '../release-gates/approvals.service';
import { isLeaseActive, retryAfterSeconds } from '../maintenance/maintenance-lease';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { Metrics } from '../platform/metrics/metrics';
import { sendBlob } from '../media/send-blob';
import { AnalyticsService } from '../visitor-data/analytics.service';
import { collectedEvents } from '../visitor-data/collect-body';
import { SubmissionsService } from '../visitor-data/submissions.service';
import { SESSION_TTL_SECONDS, VisitorSessionsService } from '../visitor-data/visitor-sessions.service';
import { mediaBucketOf } from './content-source';
import { readCookie, REVIEW_COOKIE, SESSION_COOKIE, setCookie } from './cookies';
import { type RenderedResponse, sendRendered } from './rendered-response';
import { SitePagesService } from './site-pages.service';
import { isSameOriginRequest, originOf, sitePathOf, wantsJson } from './site-path';
import type { SiteTarget } from './site-target';
import { SiteTargetResolver } from './site-target.resolver';
import { VersionCookie } from './version-cookie';

// A media URL's version: the first characters of its sha256 (see libs/site-renderer safe-url).
const VERSION = new RegExp(`^[0-9a-f]{${MEDIA_VERSION_LENGTH}}$`);

/**
 * The public site over HTTP: pages, robots.txt, sitemap.xml, media, forms and analytics of the environment the
 * SiteTargetGuard resolved. Pages answer 503 during maintenance; forms, analytics and sessions keep working.
 */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly pages: SitePagesService,
    private readonly sessions: VisitorSessionsService,
    private readonly submissions: SubmissionsService,
    private readonly analytics: AnalyticsService,
    private readonly targets: SiteTargetResolver,
    private readonly approvals: ApprovalsService,
    private readonly metrics: Metrics,
    private readonly versions: VersionCookie,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  async page(request: Request, response: Response): Promise<void> {
    const target = request.siteTarget!;
    if (target.reviewToken) return this.tradeReviewToken(request, response, target);
    if (needsPrimaryHost(target)) {
      // One address per page for search engines: a secondary domain sends visitors to the primary one.
      response.setHeader('Cache-Control', 'no-store');
      return response.redirect(301, `${request.protocol}://${target.host!.primaryHost}${request.originalUrl}`);
    }
    this.session(request, response, target);
    if (isLeaseActive(target.environment)) return this.sendMaintenance(request, response, target);
    const path = sitePathOf(request, target);
    if (path === null) return this.send(request, response, target, await this.pages.notFound(target), false);
    // A client's page offers to approve what it shows: read after staging's row, so never an older fingerprint.
    const shown = target.reviewLink
      ? { ...target, approvalFingerprint: (await this.approvals.current(target.site.id)).fingerprint }
      : target;
    const { response: page, cached } = await this.pages.page(shown, path);
    this.metrics.renderCacheLookup(cached);
    this.send(request, response, shown, page, cached);
  }

  /**
   * A client's "Approve this version" from a review link's page: an approval by that review link under the
   * name typed. Only from the preview page itself (same origin), so no other site can make a visitor approve.
   */
  async approve(request: Request, response: Response): Promise<void> {
    const target = request.siteTarget!;
    if (!target.reviewLink)
      throw new AppError(
        'forbidden',
        'Approving from the preview takes a review link; with a token, use POST /api/sites/:site/promotion/approvals.',
      );
    if (!isSameOriginRequest(request))
      throw new AppError('forbidden', 'An approval must be sent from the preview page itself.');
    const body = approvalBody.transform(request.body) as ReviewLinkApprovalBody;
    const { id, label } = target.reviewLink;
    const approval = await this.approvals.approve(
      target.site,
      {
        fingerprint: body.fingerprint,
        comment: body.comment,
        approver: { kind: 'review_link', reviewLinkId: id, label, name: body.name.trim() },
      },
      String(request.id ?? ''),
    );
    response.setHeader('Cache-Control', 'no-store');
    if (wantsJson(request)) {
      response.status(201).json(approval);
      return;
    }
    this.send(request, response, target, await this.pages.approvalRecorded(target, approval), false);
  }

  /**
   * The fast path of the busiest case: a production page this node already rendered, answered before the
   * router (no guard, no handler). Anything else (maintenance, a redirect to the primary domain, a cold
   * cache) returns false and takes the full route, which decides the same way.
   */
  serveFromCache(request: Request, response: Response): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const target = this.targets.peekProduction(request);
    if (!target || isLeaseActive(target.environment) || needsPrimaryHost(target)) return false;
    const path = sitePathOf(request, target);
    const page = path === null ? null : this.pages.peek(target, path);
    if (!page) return false;
    this.metrics.renderCacheLookup(true);
    this.session(request, response, target);
    this.send(request, response, target, page, true);
    return true;
  }

  async robots(request: Request, response: Response): Promise<void> {
    const target = request.siteTarget!;
    if (isLeaseActive(target.environment)) return this.sendMaintenance(request, response, target);
    this.send(request, response, target, await this.pages.robots(target, originOf(request)), false);
  }

  async sitemap(request: Request, response: Response): Promise<void> {
    const target = request.siteTarget!;
    if (isLeaseActive(target.environment)) return this.sendMaintenance(request, response, target);
    this.send(request, response, target, await this.pages.sitemap(target, originOf(request)), false);
  }

  /**
   * Media bytes from the environment's bucket; `?v=` (from the sha256) makes the answer cacheable forever.
   * A `?v=` of a file the current head replaced or removed still answers with that file for a while after the
   * swap, so a visitor holding the previous page keeps its images.
   */
  async media(request: Request, response: Response, key: string): Promise<void> {
    const target = request.siteTarget!;
    if (validateKey(key)) throw new AppError('not_found', 'There is no such file.');
    const version = typeof request.query.v === 'string' && VERSION.test(request.query.v) ? request.query.v : null;
    let media = await this.pages.media(target, key);
    if (version && !(typeof media?.sha256 === 'string' && media.sha256.startsWith(version)))
      media = (await this.pages.retiredMedia(target, key, version)) ?? media;
    if (!media || typeof media.sha256 !== 'string') throw new AppError('not_found', 'There is no such file.');
    const versioned = version !== null && media.sha256.startsWith(version);
    const scope = target.env === 'production' ? 'public' : 'private';
    const cacheControl = versioned ? `${scope}, max-age=31536000, immutable` : `${scope}, max-age=300`;
    await sendBlob(this.store, mediaBucketOf(target.source), media, request, response, cacheControl);
  }

  /** Stores a submission: 303 to the thank-you page for a browser, JSON for an API client. */
  async submitForm(request: Request, response: Response, formKey: string): Promise<void> {
    const target = request.siteTarget!;
    const sessionId = this.session(request, response, target);
    const form = validateKey(formKey) ? null : await this.pages.form(target, formKey);
    if (!form) throw new AppError('not_found', 'There is no such form.');
    const result = await this.submissions.submit(
      { siteId: target.site.id, env: target.env },
      formKey,
      form,
      request.body,
      sessionId,
    );
    response.setHeader('Cache-Control', 'no-store');
    if (!wantsJson(request)) return response.redirect(303, `${target.base}/forms/${formKey}/thank-you`);
    // A bot that filled the honeypot gets a success it cannot tell apart, without an id.
    const body = result.stored
      ? result.submission
      : { id: null, form: formKey, data: {}, createdAt: new Date().toISOString() };
    response.status(201).json(body);
  }

  async thankYou(request: Request, response: Response, formKey: string): Promise<void> {
    const target = request.siteTarget!;
    const form = validateKey(formKey) ? null : await this.pages.form(target, formKey);
    if (!form) return this.send(request, response, target, await this.pages.notFound(target), false);
    this.session(request, response, target);
    this.send(request, response, target, await this.pages.thankYou(target, formKey, form), false);
  }

  /** Analytics events; resolves once they are stored (batched with whatever else arrived meanwhile). */
  async collect(request: Request, response: Response): Promise<{ accepted: number }> {
    const target = request.siteTarget!;
    const events = collectedEvents(request.body);
    const sessionId = this.session(request, response, target);
    response.setHeader('Cache-Control', 'no-store');
    return this.analytics.record({ siteId: target.site.id, env: target.env }, events, sessionId);
  }

  /** The visitor's session: resumed from its cookie (refreshed now and then) or begun, cookie set. */
  private session(request: Request, response: Response, target: SiteTarget): string {
    const siteId = target.site.id;
    const token = readCookie(request, SESSION_COOKIE);
    const resumed = token ? this.sessions.resume(siteId, target.env, token) : null;
    if (resumed && !resumed.refreshed) return resumed.id;
    const session = resumed ? { id: resumed.id, token: token! } : this.sessions.begin(siteId, target.env);
    setCookie(request, response, SESSION_COOKIE, session.token, {
      path: target.base || '/',
      maxAge: SESSION_TTL_SECONDS * 1000,
    });
    return session.id;
  }

  /** A review link's first visit: its token becomes an HttpOnly cookie, and the URL loses the token. */
  private tradeReviewToken(request: Request, response: Response, target: SiteTarget): void {
    setCookie(request, response, REVIEW_COOKIE, target.reviewToken!.token, {
      path: target.base || '/',
      expires: new Date(target.reviewToken!.expiresAt),
    });
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    // The entry took the token out of the URL already: the same address, without it.
    response.redirect(303, request.originalUrl);
  }

  private async sendMaintenance(request: Request, response: Response, target: SiteTarget): Promise<void> {
    response.setHeader('Retry-After', String(retryAfterSeconds(target.environment)));
    sendRendered(request, response, await this.pages.maintenance(target), {
      staging: target.env === 'staging',
      cached: false,
    });
  }

  /** A response rendered from the environment's head: on production, the visitor's version cookie follows it. */
  private send(
    request: Request,
    response: Response,
    target: SiteTarget,
    page: RenderedResponse,
    cached: boolean,
  ): void {
    if (target.env === 'production') this.versions.remember(request, response, target);
    sendRendered(request, response, page, { staging: target.env === 'staging', cached });
  }
}

const approvalBody = new SchemaPipe(reviewLinkApprovalSchema);

function needsPrimaryHost(target: SiteTarget): boolean {
  return !!target.host?.primaryHost && target.host.primaryHost !== target.host.host;
}
