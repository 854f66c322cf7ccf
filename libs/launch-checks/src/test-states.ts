import type { CandidateState, KeyedBody, PageLinks } from './launch-check';

// Builders for the specs: a state from pages (path → blocks) and entities, with everything else empty.
type Page = {
  type?: 'page' | 'post';
  key: string;
  path: string;
  blocks?: unknown[];
  noindex?: boolean;
  ogImage?: string;
};

export interface StateSpec {
  pages?: Page[];
  redirects?: { key: string; from: string; to: string }[];
  robots?: string;
  settings?: Record<string, unknown>;
  consentRules?: KeyedBody[];
  layouts?: KeyedBody[];
  components?: KeyedBody[];
  media?: string[];
}

export function state(spec: StateSpec = {}): CandidateState {
  const pages = spec.pages ?? [];
  const redirects = spec.redirects ?? [];
  return {
    routes: [
      ...pages.map((p) => ({ type: p.type ?? 'page', key: p.key, route: p.path })),
      ...redirects.map((r) => ({ type: 'redirect', key: r.key, route: r.from })),
    ],
    redirects: redirects.map((r) => ({ key: r.key, body: { from: r.from, to: r.to, status: 301 } })),
    robotsTxt: spec.robots === undefined ? [] : [{ key: 'default', body: { body: spec.robots } }],
    siteSettings: spec.settings ? [{ key: 'default', body: spec.settings }] : [],
    consentRules: spec.consentRules ?? [],
    noindexPages: pages.filter((p) => p.noindex).map((p) => `${p.type ?? 'page'}/${p.key}`),
    pages: pages.map((p): PageLinks => ({
      type: p.type ?? 'page',
      key: p.key,
      route: p.path,
      blocks: p.blocks ?? [],
      ogImage: p.ogImage,
    })),
    layouts: spec.layouts ?? [],
    components: spec.components ?? [],
    mediaKeys: spec.media ?? [],
  };
}
