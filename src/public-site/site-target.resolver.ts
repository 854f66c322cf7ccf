import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../platform/errors/app-error';
import type { EnvironmentRow, EnvName, Site } from '../sites/site.types';
import { isSiteSlug } from '../platform/validation/id.pipe';
import { Transactions } from '../platform/database/transactions';
import { cacheScopeOf, sourceOf, stateScope } from './content-source';
import { EnvironmentCache } from './environment-cache.service';
import type { HostRoute } from './host-directory.service';
import { PreviewAccessService } from './preview-access.service';
import { PublicContentRepository } from './public-content.repository';
import { SiteDirectory } from './site-directory.service';
import { CANDIDATE_HEADER, MOUNT_PREFIX, mountOf, type SiteTarget } from './site-target';
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
    private readonly content: PublicContentRepository,
    private readonly transactions: Transactions,
  ) {}

  async resolve(request: Request): Promise<SiteTarget> {
    const slug = String(request.params.slug ?? '');
    const env: EnvName = request.path.startsWith(`/${MOUNT_PREFIX.staging}/`) ? 'staging' : 'production';
    const candidate = env === 'staging' ? candidateOf(request) : null;
    const site = isSiteSlug(slug) ? await this.sites.find(slug) : null;
    if (!site || site.slug !== slug) throw new AppError('not_found', 'There is no site here.');
    const access = env === 'staging' ? await this.preview.check(request, site.id) : {};
    if (candidate !== null) return this.candidate(request, site, candidate, access);
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

  /**
   * A selection's candidate state, seen through staging's mount (its access rule, private answers) with
   * production's variables: what production would show once the selection is promoted (the visual diff's
   * "after"). Only a candidate of this site; any other state id is not found.
   */
  private async candidate(
    request: Request,
    site: Site,
    stateId: number,
    access: { reviewToken?: unknown; reviewLink?: unknown },
  ): Promise<SiteTarget> {
    // A client's review link shows staging (and approves what it shows); a candidate is for the team's tokens.
    if (access.reviewToken || access.reviewLink)
      throw new AppError('forbidden', 'A candidate is shown to a site token, not through a review link.');
    if (!(await this.content.isCandidateOf(this.transactions.autocommit, site.id, stateId)))
      throw new AppError('not_found', 'There is no such candidate: preview the selection again.');
    const [staging, variables] = await Promise.all([
      this.environments.get(site.id, 'staging'),
      this.variables.get(site.id, 'production'),
    ]);
    const target = targetOf(site, staging, variables, request.hostRoute);
    return { ...target, source: { kind: 'state', stateId }, scope: stateScope(stateId) };
  }

  /** Production's row, never older than the version the visitor's cookie says it was already served. */
  private async production(request: Request, siteId: string): Promise<EnvironmentRow> {
    const row = await this.environments.get(siteId, 'production');
    const ahead = this.versions.ahead(request, siteId, row.version);
    return ahead ? this.environments.atLeast(siteId, ahead) : row;
  }
}

function candidateOf(request: Request): number | null {
  const value = request.headers[CANDIDATE_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[1-9]\d{0,14}$/.test(value))
    throw new AppError('validation_failed', `${CANDIDATE_HEADER} must be a state id.`, [
      { path: `headers.${CANDIDATE_HEADER}`, message: 'a positive integer' },
    ]);
  return Number(value);
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
