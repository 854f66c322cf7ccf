import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { LRUCache } from 'lru-cache';
import { type FormBody, type MediaBody, REDIRECT_STATUSES, resolveVariables } from '../../libs/content-model';
import {
  assetKeysOf,
  type RenderTarget,
  safeHref,
  safeRedirectLocation,
  siteAssetKeysOf,
  SiteRenderer,
} from '../../libs/site-renderer';
import { Transactions } from '../platform/database/transactions';
import type { ApprovalDto } from '../release-gates/approval.dto';
import { ContentReads } from './content-reads.service';
import { PublicContentRepository } from './public-content.repository';
import { rendered, renderedPage, type RenderedResponse, sizeOfRendered } from './rendered-response';
import { SiteDesignService } from './site-design.service';
import { APPROVALS_PATH, type SiteTarget } from './site-target';

// Keyed by (content scope, mount, path): a scope never changes, so entries are never invalidated, only
// evicted. 128 MiB holds the 10,000-page benchmark site (~15 KB a page, ~5 KB kept gzipped) 2.5 times over.
// A response bigger than the whole budget is not kept (maxEntrySize defaults to maxSize).
const RENDER_CACHE = { max: 200_000, maxSize: 128 * 1024 * 1024, sizeCalculation: sizeOfRendered };
const MEDIA_CACHE = { max: 50_000 };
const RETIRED_MEDIA_CACHE = { max: 10_000, ttl: 60_000 };
// The sitemap protocol's limit for one file.
const SITEMAP_URLS = 50_000;
const REDIRECTS: ReadonlySet<number> = new Set(REDIRECT_STATUSES);

/** What the public site answers for a path of an environment: rendered once per scope, then from memory. */
@Injectable()
export class SitePagesService {
  private readonly cache = new LRUCache<string, RenderedResponse>(RENDER_CACHE);
  // Boxed: a known missing key is cached too, and the cache takes no null values.
  private readonly mediaFiles = new LRUCache<string, { media: MediaBody | null }>(MEDIA_CACHE);
  // Right after a swap every visitor holding the previous page asks for its files: one query per file a minute.
  private readonly retiredMediaFiles = new LRUCache<string, { media: MediaBody | null }>(RETIRED_MEDIA_CACHE);

  constructor(
    private readonly transactions: Transactions,
    private readonly reads: ContentReads,
    private readonly content: PublicContentRepository,
    private readonly designs: SiteDesignService,
    private readonly renderer: SiteRenderer,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** A page or redirect already rendered for `path`, without waiting for anything. */
  peek(target: SiteTarget, path: string): RenderedResponse | null {
    return this.cache.get(cacheKey(target, path)) ?? null;
  }

  /** The page, post or redirect at `path` (a normalized route), or the site's 404 page. */
  async page(target: SiteTarget, path: string): Promise<{ response: RenderedResponse; cached: boolean }> {
    const key = cacheKey(target, path);
    const cached = this.cache.get(key);
    if (cached) return { response: cached, cached: true };
    const entity = await this.reads.run(target.source, (tx) => this.content.findByRoute(tx, target.source, path));
    let response: RenderedResponse | null = null;
    if (entity?.type === 'redirect') {
      const location = safeRedirectLocation(entity.body.to, target.base);
      const status = REDIRECTS.has(entity.body.status) ? entity.body.status : 301;
      if (location) response = rendered(status, TEXT, `Redirecting to ${location}\n`, { location });
    } else if (entity?.type === 'page' || entity?.type === 'post') {
      const design = await this.designs.design(target.source, target.scope);
      const assets = await this.designs.assets(target.source, assetKeysOf(entity.body, design));
      const [body, resolved] = withVariables(target, entity.body, design);
      response = renderedPage(
        200,
        this.renderer.page(entity.type, body, resolved, withVariables(target, assets)[0], renderTarget(target)),
      );
    }
    // A missing path is not cached per path: a crawler's random URLs must not evict real pages.
    if (!response) return { response: await this.notFound(target), cached: false };
    this.cache.set(key, response);
    return { response, cached: false };
  }

  notFound(target: SiteTarget): Promise<RenderedResponse> {
    return this.memo(cacheKey(target, '#404'), async () => {
      const design = await this.designs.design(target.source, target.scope);
      const assets = await this.designs.assets(target.source, siteAssetKeysOf(design));
      const [resolved, resolvedAssets] = withVariables(target, design, assets);
      return renderedPage(404, this.renderer.notFound(resolved, resolvedAssets, renderTarget(target)));
    });
  }

  /** Built from the environment's own settings; a clean default if even those cannot be read. */
  async maintenance(target: SiteTarget): Promise<RenderedResponse> {
    const design = await this.designs.design(target.source, target.scope).catch(() => null);
    return renderedPage(503, this.renderer.maintenance(withVariables(target, design)[0], renderTarget(target)));
  }

  thankYou(target: SiteTarget, formKey: string, form: FormBody): Promise<RenderedResponse> {
    return this.memo(cacheKey(target, `#thanks:${formKey}`), async () => {
      const design = await this.designs.design(target.source, target.scope);
      const assets = await this.designs.assets(target.source, siteAssetKeysOf(design));
      const [resolved, resolvedAssets, resolvedForm] = withVariables(target, design, assets, form);
      return renderedPage(200, this.renderer.thankYou(resolved, resolvedAssets, renderTarget(target), resolvedForm));
    });
  }

  /** What a client sees after approving from a review link (never cached: it names them). */
  async approvalRecorded(target: SiteTarget, approval: ApprovalDto): Promise<RenderedResponse> {
    const design = await this.designs.design(target.source, target.scope);
    const assets = await this.designs.assets(target.source, siteAssetKeysOf(design));
    const name = approval.approver.kind === 'review_link' ? approval.approver.name : '';
    return renderedPage(
      200,
      this.renderer.notice(design, assets, renderTarget(target), {
        title: 'Thank you',
        message: `${name}, your approval of staging version ${approval.staging.version} is recorded. The team will see it next to the changes.`,
        link: { href: `${target.base}/`, label: 'Back to the preview' },
      }),
    );
  }

  /** Absolute URLs of the published pages and posts, on the site's canonical domain when it names one. */
  sitemap(target: SiteTarget, origin: string): Promise<RenderedResponse> {
    return this.memo(cacheKey(target, `#sitemap:${origin}`), async () => {
      const [design, routes] = await Promise.all([
        this.designs.design(target.source, target.scope),
        this.reads.run(target.source, (tx) => this.content.publishedRoutes(tx, target.source, SITEMAP_URLS)),
      ]);
      const canonical = safeHref(design.settings.canonicalBase);
      const root = canonical && /^https?:\/\//.test(canonical) ? canonical.replace(/\/+$/, '') : origin + target.base;
      const urls = routes.map((route) => root + encodeURI(route));
      return rendered(200, 'application/xml; charset=utf-8', this.renderer.sitemap(urls));
    });
  }

  /** The site's robots_txt, or allow-all with the sitemap; staging always forbids crawling. */
  robots(target: SiteTarget, origin: string): Promise<RenderedResponse> {
    return this.memo(cacheKey(target, `#robots:${origin}`), async () => {
      if (target.env === 'staging') return rendered(200, TEXT, 'User-agent: *\nDisallow: /\n');
      const [entity] = await this.reads.run(target.source, (tx) =>
        this.content.ofTypes(tx, target.source, ['robots_txt']),
      );
      const own = entity && typeof (entity.body as { body?: unknown }).body === 'string';
      const body = own
        ? withVariables(target, (entity.body as { body: string }).body)[0]
        : `User-agent: *\nAllow: /\nSitemap: ${origin}${target.base}/sitemap.xml\n`;
      return rendered(200, TEXT, body.endsWith('\n') ? body : `${body}\n`);
    });
  }

  async form(target: SiteTarget, key: string): Promise<FormBody | null> {
    const entity = await this.reads.run(target.source, (tx) => this.content.findEntity(tx, target.source, 'form', key));
    return (entity?.body as FormBody | undefined) ?? null;
  }

  async media(target: SiteTarget, key: string): Promise<MediaBody | null> {
    const cacheKeyOfMedia = `${target.scope}\n${key}`;
    const cached = this.mediaFiles.get(cacheKeyOfMedia);
    if (cached) return cached.media;
    const entity = await this.reads.run(target.source, (tx) =>
      this.content.findEntity(tx, target.source, 'media', key),
    );
    const media = (entity?.body as MediaBody) ?? null;
    this.mediaFiles.set(cacheKeyOfMedia, { media });
    return media;
  }
  /**
   * The file a page of production's previous heads linked to as `?v=<version>`, for a grace period after the
   * swap that retired it (skew protection); null when none did. Production only: staging is not swapped.
   */
  async retiredMedia(target: SiteTarget, key: string, version: string): Promise<MediaBody | null> {
    if (target.env !== 'production' || !this.config.skewGraceMinutes) return null;
    const cacheKeyOfMedia = `${target.site.id}\n${key}\n${version}`;
    const cached = this.retiredMediaFiles.get(cacheKeyOfMedia);
    if (cached) return cached.media;
    // On the primary: head_history grows with every swap, so a lagging replica would not know yet that the
    // state a visitor's page came from was retired (rare next to page reads: cached, one query a minute).
    const media = (await this.content.retiredMedia(
      this.transactions.autocommit,
      target.site.id,
      key,
      version,
      this.config.skewGraceMinutes,
    )) as MediaBody | null;
    this.retiredMediaFiles.set(cacheKeyOfMedia, { media });
    return media;
  }

  private async memo(key: string, render: () => Promise<RenderedResponse>): Promise<RenderedResponse> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const response = await render();
    this.cache.set(key, response);
    return response;
  }
}

const TEXT = 'text/plain; charset=utf-8';

// The owner's trusted-custom-code setting changes how html blocks render, so it is part of the key: turning it
// off serves sanitised pages at once, without purging anything. A client's page carries the fingerprint it offers
// to approve (production's head is in it), and pages render with the environment's variables: both are part of
// the key too.
function cacheKey(target: SiteTarget, path: string): string {
  const trust = target.site.trustedCustomCode ? 'trusted' : 'sanitised';
  return `${target.scope}\n${target.base}\n${trust}\n${target.approvalFingerprint ?? ''}\n${target.variables.tag}\n${path}`;
}

/** The given bodies with the environment's `{{env.NAME}}` values in place, before anything renders them. */
function withVariables<T extends unknown[]>(target: SiteTarget, ...bodies: T): T {
  return bodies.map((body) => resolveVariables(body, target.variables.values)) as T;
}

function renderTarget(target: SiteTarget): RenderTarget {
  return {
    base: target.base,
    env: target.env,
    stagingVersion: target.environment.version,
    trustedCustomCode: target.site.trustedCustomCode,
    approval: target.approvalFingerprint
      ? { fingerprint: target.approvalFingerprint, action: `${target.base}/${APPROVALS_PATH}` }
      : undefined,
  };
}
