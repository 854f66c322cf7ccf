import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestHost } from '../domains/host-name';
import { HostDirectory, type HostRoute } from './host-directory.service';
import { PublicSiteService } from './public-site.service';
import { mountOf } from './site-target';

/**
 * Where every request enters, ahead of routing and of the access log. A review link's token leaves the URL.
 * A request whose Host is one of an environment's domains is that environment's site, whatever its path: its
 * URL is rewritten onto the site's mount (/sites/<slug> or /preview/<slug>) for the same routes to serve it.
 * Then a production page this node already rendered is answered at once; the rest goes on to Nest unchanged.
 */
@Injectable()
export class PublicSiteEntry {
  private readonly logger = new Logger('PublicSite');

  constructor(
    private readonly hosts: HostDirectory,
    private readonly site: PublicSiteService,
  ) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    takeReviewToken(request);
    const host = requestHost(request.hostname);
    const known = host ? this.hosts.peek(host) : null;
    if (known !== undefined) return this.serve(request, response, next, known);
    this.hosts.route(host!).then(
      (route) => this.serve(request, response, next, route),
      (error) => {
        // Without the directory the request is served as if no domain matched, never failed for it.
        this.logger.warn(`host lookup failed: ${(error as Error).message}`);
        next();
      },
    );
  };

  private serve(request: Request, response: Response, next: NextFunction, route: HostRoute | null): void {
    if (route) {
      request.hostRoute = route;
      request.url = mountOf(route.env, route.slug) + request.url;
    }
    try {
      if (this.site.serveFromCache(request, response)) return;
    } catch (error) {
      // The full route answers the same request, with its own error handling.
      this.logger.warn(`cached page fast path failed: ${(error as Error).message}`);
      if (response.headersSent) return;
    }
    next();
  }
}

/** Moves ?review=<token> from the URL to request.reviewQuery before anything (the access log) reads the URL. */
function takeReviewToken(request: Request): void {
  if (!request.url.includes('review=')) return;
  const url = new URL(request.url, 'http://placeholder');
  const token = url.searchParams.get('review');
  if (token === null) return;
  url.searchParams.delete('review');
  request.reviewQuery = token;
  request.url = request.originalUrl = url.pathname + url.search;
}
