import fc from 'fast-check';
import { launchChecks } from './launch-report';
import type { CandidateState, ServedRoute, StateDelta } from './launch-check';
import { deriveStateSets, servedPages, servedRoutes, sitemapUrls } from './state-sets';
import { state, type StateSpec } from './test-states';

// Few paths, so entities collide, nest (/a under /), move onto each other's URLs and link to each other.
const path = fc.constantFrom('/', '/a', '/a/b', '/a/b/c', '/d', '/e', '/e/f');
const page = (key: string) =>
  fc.record({
    key: fc.constant(key),
    type: fc.constantFrom('page' as const, 'post' as const),
    path,
    noindex: fc.boolean(),
    blocks: fc.array(
      path.map((href) => ({ type: 'link', href })),
      { maxLength: 2 },
    ),
  });
const redirect = (key: string) => fc.record({ key: fc.constant(key), from: path, to: path });
const KEYS = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
// Some of the keys, each a page and a redirect (type decides which exist).
const site = fc.record({
  pages: fc.subarray(KEYS).chain((keys) => fc.tuple(...keys.map(page))),
  redirects: fc.subarray(KEYS.slice(0, 3)).chain((keys) => fc.tuple(...keys.map(redirect))),
});

// A state serves each URL once (the database's unique route index): the first entity on a path keeps it.
function uniqueRoutes(spec: { pages: StateSpec['pages'] & {}; redirects: StateSpec['redirects'] & {} }) {
  const taken = new Set<string>();
  const free = (path: string) => !taken.has(path) && Boolean(taken.add(path));
  return { pages: spec.pages.filter((p) => free(p.path)), redirects: spec.redirects.filter((r) => free(r.from)) };
}

const idsOf = (spec: StateSpec) => [
  ...(spec.pages ?? []).map((p) => `${p.type ?? 'page'}/${p.key}`),
  ...(spec.redirects ?? []).map((r) => `redirect/${r.key}`),
];

/**
 * A candidate given with its delta over production answers exactly what the same candidate answers without
 * it: the delta is a way to look at fewer entities, never a different report.
 */
describe('a candidate with its delta over production (fast-check)', () => {
  it('gives the same launch report as the whole candidate, and derives the sets it would build', () => {
    fc.assert(
      fc.property(site.map(uniqueRoutes), site, fc.subarray(KEYS), (before, replacement, replacedKeys) => {
        // The base's sets exist before anything derives from them (as production's head's do).
        const production = state(before);
        for (const setOf of [servedRoutes, sitemapUrls, servedPages]) setOf(production);
        // The candidate: production's entities, those of `replacedKeys` taken from `replacement` (or removed); it
        // may serve a URL twice (a replaced entity moving onto another's), which a preview can show.
        const replaced = (key: string) => replacedKeys.includes(key);
        const after: StateSpec = {
          pages: [...before.pages.filter((p) => !replaced(p.key)), ...replacement.pages.filter((p) => replaced(p.key))],
          redirects: [
            ...before.redirects.filter((r) => !replaced(r.key)),
            ...replacement.redirects.filter((r) => replaced(r.key)),
          ],
        };
        const whole = state(after);
        const changed = new Set(
          [...idsOf(before), ...idsOf(after)].filter((id) => replaced(id.slice(id.indexOf('/') + 1))),
        );
        const ofChanged = (routes: readonly ServedRoute[]) => routes.filter((r) => changed.has(`${r.type}/${r.key}`));
        const delta: StateDelta = {
          over: production,
          routes: ofChanged(whole.routes),
          before: ofChanged(production.routes),
        };
        const withDelta: CandidateState = { ...state(after), delta };
        expect(launchChecks(withDelta, production)).toEqual(launchChecks(whole, production));
        // A state whose sets are derived from its base's (a head over its parent) has the sets it would build.
        const derived = state(after);
        deriveStateSets(derived, { ...delta, over: production });
        for (const setOf of [servedRoutes, sitemapUrls, servedPages])
          expect([...setOf(derived)].sort()).toEqual([...setOf(state(after))].sort());
      }),
      { numRuns: 500 },
    );
  });
});
