import { Injectable } from '@nestjs/common';
import { gunzipSync } from 'node:zlib';
import { normalizeRoute } from '../../libs/content-model';
import { runPool } from '../../libs/media-storage';
import { EnvironmentsService } from '../environments/environments.service';
import { SitesService } from '../sites/sites.service';
import { SitePagesService } from './site-pages.service';
import { targetOf } from './site-target.resolver';
import { VariablesCache } from './variables-cache.service';

/** What production would answer for one path: the status and body as served, or the error its render threw. */
export interface ProbedPage {
  path: string;
  /** The public URL's path without DNS (`/sites/<slug><path>`), for people reading the result. */
  url: string;
  status: number;
  body: string;
  error?: string;
}

/**
 * Production's pages of one state, rendered in this process by the very code an API node answers visitors
 * with (SitePagesService and the renderer, the site's settings and production's variables), without HTTP: a
 * worker has no public site to ask, and the check must not depend on which API node a request would reach.
 * What it skips is what sits in front of rendering: routing by Host, the session cookie and maintenance.
 */
@Injectable()
export class SiteProbe {
  constructor(
    private readonly sites: SitesService,
    private readonly environments: EnvironmentsService,
    private readonly variables: VariablesCache,
    private readonly pages: SitePagesService,
  ) {}

  /** `paths` in order; `between` runs before each (e.g. to keep a lease alive), a few pages in flight. */
  async render(
    siteId: string,
    stateId: number,
    paths: readonly string[],
    between: () => Promise<void> = async () => {},
  ): Promise<ProbedPage[]> {
    const site = (await this.sites.findBySlugOrId(siteId))!;
    const production = await this.environments.find(siteId, 'production');
    const variables = await this.variables.get(siteId, 'production');
    // The state to check, whatever the head says by now: its pages are a function of (state, path) alone.
    const target = targetOf(site, { ...production, headStateId: stateId }, variables, undefined);
    // A few at once: a page's render waits on the database most of its time.
    const probed: ProbedPage[] = new Array(paths.length);
    await runPool([...paths.keys()], PAGES_IN_FLIGHT, async (i) => {
      await between();
      probed[i] = await this.probe(target, paths[i]);
    });
    return probed;
  }

  private async probe(target: ReturnType<typeof targetOf>, path: string): Promise<ProbedPage> {
    const url = target.base + path;
    try {
      const route = routeOfPath(path);
      const { response } =
        route === null ? { response: await this.pages.notFound(target) } : await this.pages.page(target, route);
      const raw = response.gzipped ? gunzipSync(response.body) : response.body;
      return { path, url, status: response.status, body: raw.toString('utf8') };
    } catch (error) {
      // What a visitor would get: the public site's error filter answers a throwing render with a 500.
      return { path, url, status: 500, body: '', error: (error as Error).message ?? String(error) };
    }
  }
}

const PAGES_IN_FLIGHT = 4;
const CONTROL = /[\u0000-\u001f\u007f]/;

// The path as the public site reads a request's (see sitePathOf): percent-decoded, normalized like routes.
function routeOfPath(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return CONTROL.test(decoded) ? null : normalizeRoute(decoded);
  } catch {
    return null;
  }
}
