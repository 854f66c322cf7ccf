import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../platform/errors/app-error';
import type { EnvironmentRow, EnvName, Site } from '../sites/site.types';
import { isSiteSlug } from '../platform/validation/id.pipe';
import { cacheScopeOf, sourceOf } from './content-source';
import { EnvironmentCache } from './environment-cache.service';
import type { HostRoute } from './host-directory.service';
import { PreviewAccessService } from './preview-access.service';
import { SiteDirectory } from './site-directory.service';
import { MOUNT_PREFIX, mountOf, type SiteTarget } from './site-target';
import { type RenderVariables, VariablesCache } from './variables-cache.service';
import { VersionCookie } from './version-cookie';

/** Works out which site and environment a public request addresses, and whether it may see it. */
@Injectable()
export class SiteTargetResolver {
  constructor(
    private readonly sites: SiteDirectory,
    private readonly environments: EnvironmentCache,
    private readonly preview: PreviewAccessService,
    private readonly variables: VariablesCache,
    private readonly versions: VersionCookie,
  ) {}

  async resolve(request: Request): Promise<SiteTarget> {
    const slug = String(request.params.slug ?? '');
    const env: EnvName = request.path.startsWith(`/${MOUNT_PREFIX.staging}/`) ? 'staging' : 'production';
    const site = isSiteSlug(slug) ? await this.sites.find(slug) : null;
    if (!site || site.slug !== slug) throw new AppError('not_found', 'There is no site here.');
    const access = env === 'staging' ? await this.preview.check(request, site.id) : {};
    const [environment, variables] = await Promise.all([
      env === 'production' ? this.production(request, site.id) : this.environments.get(site.id, env),
      this.variables.get(site.id, env),
    ]);
    return {
      ...targetOf(site, environment, variables, request.hostRoute),
      reviewToken: access.reviewToken,
      reviewLink: access.reviewLink,
    };
  }

  /**
   * The production target of a /sites/<slug>/… request when everything it needs is already in memory, else
   * null (the request then takes the full route). Staging never: its access check needs the database.
   */
  peekProduction(request: Request): SiteTarget | null {
    const slug = PRODUCTION_PATH.exec(request.path)?.[1];
    if (!slug) return null;
    const site = this.sites.peek(slug);
    if (!site || site.slug !== slug) return null;
    const environment = this.environments.peek(site.id);
    const variables = this.variables.peek(site.id, 'production');
    if (!environment || !variables) return null;
    // The visitor was served a newer version elsewhere: the full route reads the head first.
    if (this.versions.ahead(request, site.id, environment.version)) return null;
    return targetOf(site, environment, variables, request.hostRoute);
  }

  /** Production's row, never older than the version the visitor's cookie says it was already served. */
  private async production(request: Request, siteId: string): Promise<EnvironmentRow> {
    const row = await this.environments.get(siteId, 'production');
    const ahead = this.versions.ahead(request, siteId, row.version);
    return ahead ? this.environments.atLeast(siteId, ahead) : row;
  }
}

const PRODUCTION_PATH = new RegExp(`^/${MOUNT_PREFIX.production}/([a-z0-9-]+)(?:/|$)`);

/** The target of a request for an environment's site, mounted on its domain (`host`) or its path prefix. */
export function targetOf(
  site: Site,
  environment: EnvironmentRow,
  variables: RenderVariables,
  host: HostRoute | undefined,
): SiteTarget {
  const env = environment.name;
  return {
    site,
    env,
    environment,
    source: sourceOf(environment),
    scope: cacheScopeOf(environment),
    variables,
    base: host ? '' : mountOf(env, site.slug),
    mount: mountOf(env, site.slug),
    host,
  };
}
