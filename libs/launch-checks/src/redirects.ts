import { canonicalHostOf, internalTarget } from './internal-path';
import { type CandidateState, check, type LaunchCheck, record, singleton, str } from './launch-check';
import { servedRoutes } from './state-sets';
import { normalizeRoute } from '../../content-model';

// Crawlers give up after a handful of hops; a walk this long is a loop or close enough to one.
const MAX_HOPS = 10;

/**
 * The candidate's redirects, followed hop by hop: one that comes back to a URL it passed is a loop (an
 * error: the browser gives up), one that takes two hops or more is a chain (a warning: each hop costs a
 * request and some ranking), and one that ends where the candidate serves nothing is a broken link.
 */
export function redirectChecks(candidate: CandidateState): LaunchCheck[] {
  const host = canonicalHostOf(record(singleton(candidate.siteSettings)?.body).canonicalBase);
  const served = servedRoutes(candidate);
  const bySource = new Map<string, string | null>();
  const redirects = candidate.redirects.map((r) => {
    const body = record(r.body);
    const from = normalizeRoute(str(body.from));
    const target = internalTarget(str(body.to), from, host);
    const to = target?.kind === 'route' ? target.path : null; // null: leaves the site, or a file
    bySource.set(from, to);
    return { key: r.key, from, to };
  });
  const checks: LaunchCheck[] = [];
  for (const redirect of redirects) {
    if (redirect.to === null) continue;
    const walk = follow(redirect.from, redirect.to, bySource);
    const route = walk.hops.join(' → ');
    const end = walk.hops[walk.hops.length - 1];
    if (walk.loop)
      checks.push(
        check('redirect_loop', 'redirect', redirect.key, `The redirect from ${redirect.from} loops: ${route}.`, {
          details: { hops: walk.hops },
        }),
      );
    else if (walk.hopCount > 1)
      checks.push(
        check(
          'redirect_chain',
          'redirect',
          redirect.key,
          `The redirect from ${redirect.from} takes ${walk.hopCount} hops (${route}${walk.external ? ' → elsewhere' : ''}); point it at the last one directly.`,
          { details: { hops: walk.hops } },
        ),
      );
    if (!walk.loop && !walk.external && !served.has(end))
      checks.push(
        check(
          'broken_internal_link',
          'redirect',
          redirect.key,
          `The redirect from ${redirect.from} ends at ${end}, which the promoted site would not serve.`,
          { details: { paths: [end], count: 1 } },
        ),
      );
  }
  return checks;
}

/** The URLs a visitor passes from `from`; `external`: the last redirect leaves the site (or goes to a file). */
function follow(from: string, to: string, bySource: ReadonlyMap<string, string | null>) {
  const hops = [from];
  let next = to;
  for (;;) {
    if (hops.includes(next)) return { hops: [...hops, next], loop: true, external: false, hopCount: hops.length };
    hops.push(next);
    if (!bySource.has(next)) return { hops, loop: false, external: false, hopCount: hops.length - 1 };
    if (hops.length > MAX_HOPS) return { hops, loop: true, external: false, hopCount: hops.length - 1 };
    const after = bySource.get(next)!;
    if (after === null) return { hops, loop: false, external: true, hopCount: hops.length };
    next = after;
  }
}
