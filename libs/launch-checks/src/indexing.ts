import { canonicalHostOf } from './internal-path';
import { type CandidateState, check, type LaunchCheck, type LaunchState, record, singleton, str } from './launch-check';
import { describe } from './link-checks';
import { servedPages } from './state-sets';

/**
 * What search engines are told to index: the whole site newly `noindex` (site_settings.noindex, an error),
 * a page production lets them index newly `noindex` (seo.noindex, a warning), and a canonical base URL
 * that changes host or path (every page's canonical link moves with it).
 */
export function indexingChecks(candidate: CandidateState, production: LaunchState): LaunchCheck[] {
  const checks: LaunchCheck[] = [];
  const after = singleton(candidate.siteSettings);
  const afterSettings = record(after?.body);
  const beforeSettings = record(singleton(production.siteSettings)?.body);
  if (after && afterSettings.noindex === true && beforeSettings.noindex !== true)
    checks.push(
      check(
        'site_noindex',
        'site_settings',
        after.key,
        'The site settings would mark every page noindex: the whole site drops out of search engines.',
      ),
    );

  const wasNoindex = new Set(production.noindexPages);
  // Production served it (a noindex id is a page's or a post's): the index is kept per state.
  const servedBefore = servedPages(production);
  for (const id of candidate.noindexPages) {
    if (!servedBefore.has(id) || wasNoindex.has(id)) continue;
    const [type, key] = id.split('/');
    checks.push(
      check('page_noindex', type, key, `${describe(type, key)} would become noindex: search engines drop it.`),
    );
  }

  const from = canonicalOf(beforeSettings.canonicalBase);
  if (from) {
    const to = canonicalOf(afterSettings.canonicalBase);
    if (!to || to.host !== from.host || to.path !== from.path)
      checks.push(
        check(
          'canonical_changed',
          'site_settings',
          after?.key ?? singleton(production.siteSettings)!.key,
          to
            ? `Canonical links move from ${from.url} to ${to.url}: search engines re-evaluate every page.`
            : `Canonical links to ${from.url} would disappear from every page.`,
          { details: { from: from.url, to: to?.url ?? null } },
        ),
      );
  }
  return checks;
}

function canonicalOf(value: unknown): { host: string; path: string; url: string } | null {
  const host = canonicalHostOf(value);
  if (!host) return null;
  const url = new URL(str(value));
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return { host, path, url: `${url.protocol}//${url.host}${path === '/' ? '' : path}` };
}
