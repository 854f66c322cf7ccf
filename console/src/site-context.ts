import type { Api } from './api';
import type { Role, Site } from './types';

/** What every page of a site gets: the API, the site as last read, the caller's role and token labels. */
export interface SiteContext {
  api: Api;
  site: Site;
  role: Role;
  /** Token id → "label (role)", known to owners only. */
  actors: Map<string, string>;
  reloadSite: () => Promise<void>;
}

export const canEdit = (ctx: SiteContext): boolean => ctx.role === 'owner' || ctx.role === 'editor';
export const isOwner = (ctx: SiteContext): boolean => ctx.role === 'owner';
