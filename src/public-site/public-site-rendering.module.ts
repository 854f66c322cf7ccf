import { Module } from '@nestjs/common';
import { SiteRenderer } from '../../libs/site-renderer';
import { EnvironmentsModule } from '../environments/environments.module';
import { SiteEventsModule } from '../site-events/site-events.module';
import { SitesModule } from '../sites/sites.module';
import { VariablesModule } from '../variables/variables.module';
import { ContentReads } from './content-reads.service';
import { PublicContentRepository } from './public-content.repository';
import { SiteDesignService } from './site-design.service';
import { SitePagesService } from './site-pages.service';
import { SiteProbe } from './site-probe.service';
import { VariablesCache } from './variables-cache.service';

/**
 * How the public site renders a page, without serving it: loaded in every role, so a worker's post-swap check
 * renders production's pages with the same code (and, in a process with both roles, the same caches).
 */
@Module({
  imports: [EnvironmentsModule, SiteEventsModule, SitesModule, VariablesModule],
  providers: [
    { provide: SiteRenderer, useValue: new SiteRenderer() },
    PublicContentRepository,
    ContentReads,
    VariablesCache,
    SiteDesignService,
    SitePagesService,
    SiteProbe,
  ],
  exports: [SiteRenderer, VariablesCache, SitePagesService, SiteProbe, PublicContentRepository],
})
export class PublicSiteRenderingModule {}
