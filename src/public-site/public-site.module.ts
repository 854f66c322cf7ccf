import { Module, NestModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { AuthModule } from '../auth/auth.module';
import { DomainsModule } from '../domains/domains.module';
import { EnvironmentsModule } from '../environments/environments.module';
import { ReleaseGatesModule } from '../release-gates/release-gates.module';
import { ReviewLinksModule } from '../review-links/review-links.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { SitesModule } from '../sites/sites.module';
import { VisitorDataModule } from '../visitor-data/visitor-data.module';
import { EnvironmentCache } from './environment-cache.service';
import { HostDirectory } from './host-directory.service';
import { PreviewAccessService } from './preview-access.service';
import { PublicSiteEntry } from './public-site-entry';
import { PublicSiteErrorFilter } from './public-site-error.filter';
import { PublicSiteRenderingModule } from './public-site-rendering.module';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';
import { SiteDirectory } from './site-directory.service';
import { SiteTargetGuard } from './site-target.guard';
import { SiteTargetResolver } from './site-target.resolver';
import { VersionCookie } from './version-cookie';

// Ten form posts a minute per visitor IP and site, counted in this process on purpose: form posts must keep
// working when Redis does not answer (so N API nodes allow N times this). 'default' gives plain Retry-After.
const FORM_POSTS = { name: 'default', ttl: 60_000, limit: 10 };

/** The sites themselves: rendering, routing by path and by Host, staging previews, and their caches (api role only). */
@Module({
  imports: [
    AuthModule,
    DomainsModule,
    EnvironmentsModule,
    ReleaseGatesModule,
    ReviewLinksModule,
    SiteEventsModule,
    PublicSiteRenderingModule,
    SitesModule,
    VisitorDataModule,
    ThrottlerModule.forRoot({
      throttlers: [FORM_POSTS],
      getTracker: (request: Record<string, any>) => `${request.ip}|${(request as Request).siteTarget?.site.id ?? ''}`,
    }),
  ],
  providers: [
    EnvironmentCache,
    SiteDirectory,
    HostDirectory,
    PreviewAccessService,
    SiteTargetResolver,
    VersionCookie,
    SiteTargetGuard,
    PublicSiteErrorFilter,
    PublicSiteService,
    PublicSiteEntry,
  ],
  controllers: [PublicSiteController],
})
export class PublicSiteModule implements NestModule {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly entry: PublicSiteEntry,
  ) {}

  // Installed on the Express app itself, not through the MiddlewareConsumer, so that it runs ahead of Nest's
  // middleware: a domain's request must be rewritten before anything routes it, and a cached page is answered
  // without the per-request logger and router, about twice as fast (bench/results: render).
  configure(): void {
    this.adapter.httpAdapter.getInstance().use(this.entry.handle);
  }
}
