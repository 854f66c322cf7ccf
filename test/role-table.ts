import type { SiteRole } from '../src/auth/principal';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint under /api (or /metrics) and who may call it. The platform admin (ADMIN_TOKEN) may call every one. */
export interface RouteAccess {
  method: HttpMethod;
  /** Nest's path template, as the controllers declare it. */
  path: string;
  /** The site roles allowed; none means the platform admin only. */
  roles: readonly SiteRole[];
  /** On an :env path, the roles allowed on production when they differ from `roles`. */
  productionRoles?: readonly SiteRole[];
  /** What a role that is not allowed gets, with 403. */
  refusal: 'forbidden' | 'production_read_only';
  what: string;
}

const ALL: readonly SiteRole[] = ['owner', 'editor', 'reviewer'];
const EDITORS: readonly SiteRole[] = ['owner', 'editor'];
const OWNER: readonly SiteRole[] = ['owner'];
const ADMIN: readonly SiteRole[] = [];

const route = (
  method: HttpMethod,
  path: string,
  roles: readonly SiteRole[],
  what: string,
  refusal: RouteAccess['refusal'] = 'forbidden',
): RouteAccess => ({ method, path, roles, refusal, what });

/** Visitor data: a reviewer, who views the staging site, reads staging's only. */
const visitorData = (path: string, what: string): RouteAccess => ({
  ...route('GET', path, ALL, what),
  productionRoles: EDITORS,
});

/** The roles allowed on a route in one environment (`staging` for paths without :env). */
export const rolesIn = (r: RouteAccess, env: string): readonly SiteRole[] =>
  env === 'production' && r.productionRoles ? r.productionRoles : r.roles;

/**
 * Every endpoint under /api, in the order of API.md, then /metrics (outside /api, where Prometheus looks).
 * test/roles.e2e-spec.ts drives every role against it and fails when a controller declares a route that is
 * missing here; docs/roles.md is this table in prose.
 */
export const ROLE_TABLE: readonly RouteAccess[] = [
  route('GET', '/api/me', ALL, 'who the caller is: admin or a token, its role and site'),
  route('POST', '/api/sites', ADMIN, 'create a site'),
  route('GET', '/api/sites', ALL, 'list sites (a site token sees its own site only)'),
  route('GET', '/api/sites/:site', ALL, 'a site and its environments'),
  route(
    'PATCH',
    '/api/sites/:site',
    OWNER,
    'change site settings (trusted custom code, required approvals, freeze windows)',
  ),
  route('POST', '/api/sites/:site/tokens', OWNER, 'create a token'),
  route('GET', '/api/sites/:site/tokens', OWNER, 'list tokens'),
  route('DELETE', '/api/sites/:site/tokens/:id', OWNER, 'revoke a token'),

  route('PUT', '/api/sites/:site/staging/content/:type/:key', EDITORS, 'create or replace staging content'),
  route('DELETE', '/api/sites/:site/staging/content/:type/:key', EDITORS, 'delete staging content'),
  route('POST', '/api/sites/:site/staging/content/:type/:key/publish', EDITORS, 'publish a page or post'),
  route('POST', '/api/sites/:site/staging/content/:type/:key/unpublish', EDITORS, 'unpublish a page or post'),
  route('POST', '/api/sites/:site/staging/import', EDITORS, 'import up to 1,000 entities at once'),
  route(
    'POST',
    '/api/sites/:site/staging/adopt',
    EDITORS,
    "keep production's version of one entity in staging (drift)",
  ),
  route(
    'PUT',
    '/api/sites/:site/production/content/:type/:key',
    OWNER,
    'break-glass write, audited (the X-Break-Glass header gives the reason)',
    'production_read_only',
  ),
  route(
    'DELETE',
    '/api/sites/:site/production/content/:type/:key',
    OWNER,
    'break-glass delete, audited (the same header)',
    'production_read_only',
  ),
  route('GET', '/api/sites/:site/:env/content/:type', ALL, 'list content of an environment'),
  route('GET', '/api/sites/:site/:env/content/:type/:key', ALL, 'read one entity'),
  route('POST', '/api/sites/:site/staging/media', EDITORS, 'upload media'),
  route('GET', '/api/sites/:site/:env/media/:key/content', ALL, 'media bytes'),

  route('PUT', '/api/sites/:site/:env/domains', OWNER, "set an environment's domains"),
  visitorData('/api/sites/:site/:env/domains', "an environment's domains"),
  route('PUT', '/api/sites/:site/:env/variables', OWNER, "set an environment's variables"),
  route('GET', '/api/sites/:site/:env/variables', EDITORS, "an environment's variables (secrets masked)"),
  visitorData('/api/sites/:site/:env/submissions', 'form submissions'),
  visitorData('/api/sites/:site/:env/analytics', 'analytics totals'),
  visitorData('/api/sites/:site/:env/sessions', 'active visitor sessions'),

  route('POST', '/api/sites/:site/review-links', EDITORS, 'create a review link for clients'),
  route('GET', '/api/sites/:site/review-links', EDITORS, 'list review links'),
  route('DELETE', '/api/sites/:site/review-links/:id', EDITORS, 'revoke a review link'),
  route('PUT', '/api/sites/:site/production/maintenance', OWNER, "take production's maintenance window"),
  route('DELETE', '/api/sites/:site/production/maintenance', OWNER, "end production's maintenance window"),

  route('GET', '/api/sites/:site/promotion/preview', ALL, 'preview a promotion (the diff and its launch report)'),
  route(
    'POST',
    '/api/sites/:site/promotion/preview',
    ALL,
    'preview a selective promotion (a selection and its closure)',
  ),
  route('POST', '/api/sites/:site/promotion/checks/fix', EDITORS, "apply a launch check's fix to staging (a 301)"),
  route(
    'GET',
    '/api/sites/:site/promotion/preview/visual',
    ALL,
    "a preview's visual diff: each changed page's status and changed share per width (queues the rendering)",
  ),
  route(
    'POST',
    '/api/sites/:site/promotion/preview/visual',
    ALL,
    'a selective preview\'s visual diff, the selection in the body (its candidate as "after")',
  ),
  route('GET', '/api/sites/:site/promotion/visual-diffs/:id/:image', ALL, 'a visual diff PNG (before, after, heatmap)'),
  route('POST', '/api/sites/:site/promotion/approvals', ALL, 'approve the current preview (its fingerprint)'),
  route('GET', '/api/sites/:site/promotion/approvals', ALL, 'approvals, each current or stale'),
  route(
    'POST',
    '/api/sites/:site/promotions',
    EDITORS,
    'promote staging to production, now or at runAt (an owner may override a freeze)',
  ),
  route('GET', '/api/sites/:site/promotions', ALL, 'promotion history (?status=scheduled: the schedules)'),
  route('GET', '/api/sites/:site/promotions/:id/changelog', ALL, "a promotion's changelog (JSON or Markdown)"),
  route(
    'POST',
    '/api/sites/:site/promotions/:id/undo',
    EDITORS,
    'undo a promotion while production still serves its result',
  ),
  route('POST', '/api/sites/:site/promotions/:id/revert', OWNER, 'revert some entities to before a promotion'),

  route('POST', '/api/sites/:site/snapshots', OWNER, 'snapshot production'),
  route('GET', '/api/sites/:site/snapshots', ALL, 'list snapshots'),
  route('POST', '/api/sites/:site/snapshots/:id/restore', OWNER, 'restore a snapshot'),
  route('POST', '/api/sites/:site/snapshots/:id/revert', OWNER, 'revert some entities to a snapshot'),
  route('DELETE', '/api/sites/:site/snapshots/:id', OWNER, 'delete a snapshot'),
  route('POST', '/api/sites/:site/staging/reset', OWNER, "reset staging from production, or from a snapshot's state"),
  route('GET', '/api/sites/:site/staging/backups', EDITORS, 'staging backups'),
  route('POST', '/api/sites/:site/staging/backups/:id/restore', OWNER, 'restore a staging backup'),

  route('GET', '/api/jobs/:id', ALL, "a job (a site token sees its own site's jobs only)"),
  route('GET', '/api/jobs/:id/events', ALL, "a job's progress as server-sent events (same rule)"),
  route(
    'POST',
    '/api/jobs/:id/cancel',
    OWNER,
    "cancel a stuck or scheduled job (its site's owner; refused while a worker runs it)",
  ),
  route('GET', '/api/sites/:site/audit', EDITORS, 'the audit log'),
  route('POST', '/api/sites/:site/webhooks', OWNER, 'add a webhook (its signing secret is shown once)'),
  route('GET', '/api/sites/:site/webhooks', EDITORS, 'list webhooks (never their secrets)'),
  route('DELETE', '/api/sites/:site/webhooks/:id', OWNER, 'delete a webhook and its delivery log'),
  route('GET', '/api/sites/:site/webhooks/:id/deliveries', EDITORS, "a webhook's deliveries and their attempts"),
  route('POST', '/api/admin/self-test', ADMIN, 'check that a worker takes jobs'),
  route('POST', '/api/admin/gc', ADMIN, 'collect garbage now (unreferenced states, revisions, media)'),
  route('GET', '/metrics', ADMIN, "this process's Prometheus metrics (API and worker processes alike)"),
];

export const routeId = (r: Pick<RouteAccess, 'method' | 'path'>): string => `${r.method} ${r.path}`;

/** The table as docs/roles.md shows it (the test checks that the document still matches). */
export function roleTableMarkdown(): string {
  const mark = (r: RouteAccess, role: SiteRole) => {
    if (!r.roles.includes(role)) return 'no';
    if (!rolesIn(r, 'production').includes(role)) return 'staging only';
    return r.refusal === 'production_read_only' ? 'yes, with X-Break-Glass' : 'yes';
  };
  const lines = [
    '| method | path | admin | owner | editor | reviewer | what |',
    '|---|---|---|---|---|---|---|',
    ...ROLE_TABLE.map(
      (r) =>
        `| ${r.method} | \`${r.path}\` | yes | ${mark(r, 'owner')} | ${mark(r, 'editor')} | ${mark(r, 'reviewer')} | ${r.what} |`,
    ),
  ];
  return lines.join('\n');
}
