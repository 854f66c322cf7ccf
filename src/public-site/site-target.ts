import type { EnvironmentRow, EnvName, Site } from '../sites/site.types';
import type { ContentSource } from './content-source';
import type { HostRoute } from './host-directory.service';
import type { RenderVariables } from './variables-cache.service';

/** The environment of a site that a public request addresses, and how it is mounted. */
export interface SiteTarget {
  site: Site;
  env: EnvName;
  environment: EnvironmentRow;
  source: ContentSource;
  /** Cache scope of the environment's current content (see cacheScopeOf). */
  scope: string;
  /** The environment's variables for `{{env.NAME}}`; their tag is part of a rendered page's cache key. */
  variables: RenderVariables;
  /** The path prefix of links: '' on a domain, '/sites/<slug>' or '/preview/<slug>' without DNS. */
  base: string;
  /** The path prefix the request's route matched, removed to get the site path. */
  mount: string;
  /** Set when the request came in on a domain. */
  host?: HostRoute;
  /** A review link's token from ?review=, to trade for a cookie (staging only). */
  reviewToken?: { token: string; expiresAt: Date };
  /** The review link a client views staging through (its cookie). */
  reviewLink?: { id: string; label: string };
  /** Set for a client's page: the fingerprint of what it shows, which its "Approve this version" form sends. */
  approvalFingerprint?: string;
}

/** Where a client's "Approve this version" form posts, under the staging mount. */
export const APPROVALS_PATH = 'approvals';

/** The route prefix of each environment when no domain is used. */
export const MOUNT_PREFIX: Record<EnvName, string> = { production: 'sites', staging: 'preview' };

export function mountOf(env: EnvName, slug: string): string {
  return `/${MOUNT_PREFIX[env]}/${slug}`;
}

/** The header the visual diff's browser names a selection's candidate state with (on the staging mount only). */
export const CANDIDATE_HEADER = 'promote-candidate';
