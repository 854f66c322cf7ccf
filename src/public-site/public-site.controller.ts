import { Controller, Get, HttpCode, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorator';
import { COLLECTED_EVENTS, EventThrottlerGuard } from './event-throttler.guard';
import { PublicSiteErrorFilter } from './public-site-error.filter';
import { PublicSiteService } from './public-site.service';
import { SiteTargetGuard } from './site-target.guard';
import { APPROVALS_PATH, MOUNT_PREFIX } from './site-target';

// Each route serves production under /sites/:slug and staging under /preview/:slug; requests on a domain are
// rewritten onto these by the host routing middleware. The page route is last: it takes every other path.
const at = (suffix: string) => [`${MOUNT_PREFIX.production}/:slug${suffix}`, `${MOUNT_PREFIX.staging}/:slug${suffix}`];

/** What visitors and clients see (HTML, not the JSON API; described in API.md, not in OpenAPI). */
@ApiExcludeController()
@Public()
@UseGuards(SiteTargetGuard)
@UseFilters(PublicSiteErrorFilter)
@Controller()
export class PublicSiteController {
  constructor(private readonly site: PublicSiteService) {}

  @Get(at('/robots.txt'))
  getRobotsTxt(@Req() request: Request, @Res() response: Response) {
    return this.site.robots(request, response);
  }

  @Get(at('/sitemap.xml'))
  getSitemap(@Req() request: Request, @Res() response: Response) {
    return this.site.sitemap(request, response);
  }

  @Get(at('/media/:key'))
  getPublicMedia(@Req() request: Request, @Res() response: Response, @Param('key') key: string) {
    return this.site.media(request, response, key);
  }

  // Spam control: the honeypot field, and this per-IP, per-site limit (see PublicSiteModule).
  @Post(at('/forms/:formKey'))
  @UseGuards(ThrottlerGuard)
  submitForm(@Req() request: Request, @Res() response: Response, @Param('formKey') formKey: string) {
    return this.site.submitForm(request, response, formKey);
  }

  // A client's approval from a review link's page: staging only, limited like form posts.
  @Post(`${MOUNT_PREFIX.staging}/:slug/${APPROVALS_PATH}`)
  @UseGuards(ThrottlerGuard)
  approveFromReviewLink(@Req() request: Request, @Res() response: Response) {
    return this.site.approve(request, response);
  }

  @Get(at('/forms/:formKey/thank-you'))
  getThankYouPage(@Req() request: Request, @Res() response: Response, @Param('formKey') formKey: string) {
    return this.site.thankYou(request, response, formKey);
  }

  // Its own count (the key names the handler), per IP and site like form posts, each event of a batch a hit.
  @Post(at('/collect'))
  @Throttle({ default: COLLECTED_EVENTS })
  @UseGuards(EventThrottlerGuard)
  @HttpCode(202)
  collectEvents(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.site.collect(request, response);
  }

  @Get(at('{/*path}'))
  getPage(@Req() request: Request, @Res() response: Response) {
    return this.site.page(request, response);
  }
}
