import { entityId, type LaunchState, type ServedRoute, type StateDelta } from './launch-check';

/** The types sitemap.xml lists. */
export const SITEMAP_TYPES: ReadonlySet<string> = new Set(['page', 'post']);

/** One kind of set a state has, keyed per route (null: the route adds nothing to it). */
interface SetKind {
  cache: WeakMap<readonly ServedRoute[], ReadonlySet<string>>;
  member(route: ServedRoute): string | null;
}

const SERVED: SetKind = { cache: new WeakMap(), member: (r) => r.route };
const SITEMAP: SetKind = { cache: new WeakMap(), member: (r) => (SITEMAP_TYPES.has(r.type) ? r.route : null) };
const PAGES: SetKind = {
  cache: new WeakMap(),
  member: (r) => (SITEMAP_TYPES.has(r.type) ? entityId(r.type, r.key) : null),
};

/** The routes a state serves (100,000 at the largest). */
export const servedRoutes = (state: Pick<LaunchState, 'routes'> & { delta?: StateDelta }) => setOf(SERVED, state);
/** The URLs its sitemap.xml lists: its published pages' and posts'. */
export const sitemapUrls = (state: Pick<LaunchState, 'routes'> & { delta?: StateDelta }) => setOf(SITEMAP, state);
/** The pages and posts it serves, as `type/key`. */
export const servedPages = (state: Pick<LaunchState, 'routes'> & { delta?: StateDelta }) => setOf(PAGES, state);

/**
 * Builds a state's sets from the ones its base already has (a head just built over its parent): copying a set and
 * patching it with the delta costs a fraction of building it from the state's routes. Sets the base lacks are
 * left to be built when a check first asks.
 */
export function deriveStateSets(state: Pick<LaunchState, 'routes'>, delta: StateDelta): void {
  for (const kind of [SERVED, SITEMAP, PAGES])
    if (!kind.cache.has(state.routes) && kind.cache.has(delta.over.routes))
      kind.cache.set(state.routes, patched(kind, kind.cache.get(delta.over.routes)!, delta));
}

// Built once per state however many checks and reports ask: production's head is read for many.
function setOf(kind: SetKind, state: Pick<LaunchState, 'routes'> & { delta?: StateDelta }): ReadonlySet<string> {
  let set = kind.cache.get(state.routes);
  if (!set) {
    set = state.delta ? patched(kind, setOf(kind, state.delta.over), state.delta) : whole(kind, state.routes);
    kind.cache.set(state.routes, set);
  }
  return set;
}

function whole(kind: SetKind, routes: readonly ServedRoute[]): Set<string> {
  const set = new Set<string>();
  for (const route of routes) {
    const member = kind.member(route);
    if (member !== null) set.add(member);
  }
  return set;
}

// A state serves each route once, so what the changed entities served in the base is theirs alone to take away.
function patched(kind: SetKind, base: ReadonlySet<string>, delta: StateDelta): Set<string> {
  const set = new Set(base);
  for (const route of delta.before) {
    const member = kind.member(route);
    if (member !== null) set.delete(member);
  }
  for (const route of delta.routes) {
    const member = kind.member(route);
    if (member !== null) set.add(member);
  }
  return set;
}
