import { createHash } from 'node:crypto';
import {
  type CandidateState,
  check,
  type CheckFix,
  entityId,
  type LaunchCheck,
  type LaunchState,
  listed,
  record,
  str,
} from './launch-check';
import { servedRoutes, SITEMAP_TYPES, sitemapUrls } from './state-sets';
import { describe } from './link-checks';

const DETAIL_LIMIT = 100;

/**
 * Each URL production serves (a page, a post, a redirect's source) that the candidate does not: the page
 * moved, was unpublished or deleted, or the redirect went. The fix is a 301 from that URL to where the entity
 * moved, to production's redirect target, or else to the nearest URL above it that the candidate serves.
 */
export function removedUrlChecks(candidate: CandidateState, production: LaunchState): LaunchCheck[] {
  const served = servedRoutes(candidate);
  // Over a delta, only the entities it replaces can stop serving their URL (or serve another).
  const delta = candidate.delta;
  const before = delta ? delta.before : production.routes;
  const lostRoutes = before.filter((r) => !served.has(r.route));
  if (!lostRoutes.length) return []; // the usual case: the rest is built for the few URLs a promotion loses
  const movedTo = new Map((delta?.routes ?? candidate.routes).map((r) => [entityId(r.type, r.key), r.route]));
  const redirectKeys = new Set(candidate.redirects.map((r) => r.key));
  const productionRedirects = new Map(production.redirects.map((r) => [r.key, record(r.body)]));
  const checks: LaunchCheck[] = [];
  for (const lost of lostRoutes) {
    const moved = lost.type === 'redirect' ? undefined : movedTo.get(entityId(lost.type, lost.key));
    const target =
      lost.type === 'redirect'
        ? str(productionRedirects.get(lost.key)?.to) || null
        : (moved ?? nearestServedAbove(lost.route, served));
    const what =
      lost.type === 'redirect'
        ? `The redirect from ${lost.route}`
        : `${describe(lost.type, lost.key)} at ${lost.route}`;
    const how = moved ? `moves to ${moved}` : lost.type === 'redirect' ? 'is removed' : 'is no longer served';
    checks.push(
      check(
        'url_removed_without_redirect',
        lost.type,
        lost.key,
        `${what} ${how}, and nothing redirects ${lost.route}: visitors and search engines following it get a 404.`,
        {
          details: { path: lost.route, ...(moved ? { movedTo: moved } : {}) },
          ...(target ? { fix: redirectFix(lost.route, target, redirectKeys) } : {}),
        },
      ),
    );
  }
  return checks;
}

function redirectFix(from: string, to: string, taken: ReadonlySet<string>): CheckFix {
  return { type: 'redirect', key: redirectKeyFor(from, taken), data: { from, to, status: 301 } };
}

/**
 * A key for the redirect from `path`, readable and the same on every preview (so a fix names one entity), and
 * not one the candidate's redirects already use.
 */
export function redirectKeyFor(path: string, taken: ReadonlySet<string> = new Set()): string {
  const slug =
    path
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'home';
  const hash = createHash('sha256').update(path).digest('hex');
  for (let length = 8; ; length += 8) {
    const key = `moved-${slug}-${hash.slice(0, length)}`;
    if (!taken.has(key) || length >= hash.length) return key;
  }
}

function nearestServedAbove(route: string, served: ReadonlySet<string>): string | null {
  for (let path = parentOf(route); path !== null; path = parentOf(path)) if (served.has(path)) return path;
  return null;
}

function parentOf(path: string): string | null {
  if (path === '/') return null;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** The sitemap URLs the candidate has and production lacks, and the other way round. */
function sitemapDifference(candidate: CandidateState, production: LaunchState): { added: string[]; removed: string[] } {
  const before = sitemapUrls(production);
  const delta = candidate.delta;
  if (!delta) {
    const after = sitemapUrls(candidate);
    return { added: [...after].filter((u) => !before.has(u)), removed: [...before].filter((u) => !after.has(u)) };
  }
  // Over a delta: production's sitemap less the replaced entities' URLs, plus the URLs they have now.
  const gained = new Set(delta.routes.filter((r) => SITEMAP_TYPES.has(r.type)).map((r) => r.route));
  const lost = new Set(delta.before.filter((r) => SITEMAP_TYPES.has(r.type)).map((r) => r.route));
  return { added: [...gained].filter((u) => !before.has(u)), removed: [...lost].filter((u) => !gained.has(u)) };
}

/** The URLs sitemap.xml gains and loses (published pages and posts), as one `info`. */
export function sitemapChecks(candidate: CandidateState, production: LaunchState): LaunchCheck[] {
  const difference = sitemapDifference(candidate, production);
  const added = difference.added.sort();
  const removed = difference.removed.sort();
  if (!added.length && !removed.length) return [];
  const parts = [
    added.length ? `${added.length} URL${added.length === 1 ? '' : 's'} added (${listed(added)})` : '',
    removed.length ? `${removed.length} removed (${listed(removed)})` : '',
  ].filter(Boolean);
  return [
    check('sitemap_changed', 'sitemap', 'sitemap.xml', `sitemap.xml: ${parts.join(', ')}.`, {
      details: {
        added: added.slice(0, DETAIL_LIMIT),
        removed: removed.slice(0, DETAIL_LIMIT),
        addedCount: added.length,
        removedCount: removed.length,
      },
    }),
  ];
}
