export type SiteRole = 'owner' | 'editor' | 'reviewer';

/** Who is calling: the platform admin, or a site token with one role on one site. */
export type Principal =
  | { kind: 'admin'; actor: 'admin'; role: 'admin'; siteId?: undefined }
  | { kind: 'site'; actor: string; role: SiteRole; siteId: string; tokenId: string; label: string };
