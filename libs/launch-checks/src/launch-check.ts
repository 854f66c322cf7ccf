/** How much a check matters: an `error` blocks the promotion unless acknowledged. */
export type Severity = 'error' | 'warning' | 'info';

/** Every code a launch check can have, with its severity (a code's severity never varies). */
export const CHECK_SEVERITY = {
  url_removed_without_redirect: 'error',
  robots_blocks_all: 'error',
  robots_hides_pages: 'warning',
  site_noindex: 'error',
  page_noindex: 'warning',
  canonical_changed: 'warning',
  broken_internal_link: 'warning',
  missing_media: 'error',
  redirect_chain: 'warning',
  redirect_loop: 'error',
  tracking_before_consent: 'error',
  variable_missing: 'error',
  sitemap_changed: 'info',
  design_not_selected: 'warning',
} as const satisfies Record<string, Severity>;

export type CheckCode = keyof typeof CHECK_SEVERITY;
export const CHECK_CODES = Object.keys(CHECK_SEVERITY) as CheckCode[];

/** A staging write that makes a check pass: today always a 301 from a URL production serves. */
export interface CheckFix {
  type: 'redirect';
  key: string;
  data: { from: string; to: string; status: 301 };
}

/**
 * One finding of the launch report. (code, type, key) names it: `type` and `key` are the entity it is about
 * (or `variable`/NAME, `sitemap`/sitemap.xml for what is no entity).
 */
export interface LaunchCheck {
  code: CheckCode;
  severity: Severity;
  type: string;
  key: string;
  message: string;
  fix?: CheckFix;
  /** Structured facts behind the message (paths, media keys, scripts), for a console to list. */
  details?: Record<string, unknown>;
}

export function check(
  code: CheckCode,
  type: string,
  key: string,
  message: string,
  extra: Pick<LaunchCheck, 'fix' | 'details'> = {},
): LaunchCheck {
  return { code, severity: CHECK_SEVERITY[code], type, key, message, ...extra };
}

/** A served URL of a state: a published page or post's path, or a redirect's source. */
export interface ServedRoute {
  type: string;
  key: string;
  route: string;
}

export interface KeyedBody {
  key: string;
  body: unknown;
}

/** What every check reads of a state (production's head, or the candidate). */
export interface LaunchState {
  routes: readonly ServedRoute[];
  redirects: readonly KeyedBody[];
  robotsTxt: readonly KeyedBody[];
  siteSettings: readonly KeyedBody[];
  consentRules: readonly KeyedBody[];
  /** `type/key` of the pages and posts whose `seo.noindex` is true. */
  noindexPages: readonly string[];
}

/** The link-bearing part of a page or post: blocks that can link or show a file, and its SEO image. */
export interface PageLinks {
  type: string;
  key: string;
  route: string | null;
  blocks: unknown;
  ogImage?: unknown;
}

/**
 * How a state differs from another (`over`): a selection's candidate over production's head, or a head over the
 * parent it was built on. Of the entities it replaces (whether it adds, changes or removes them), `routes` are
 * the routes they serve here and `before` those they serve in `over`. A hint only: the
 * state still carries everything, and every check answers the same with it or without it; with it, what a check
 * derives from the routes is `over`'s, patched, instead of rebuilt over the site.
 */
export interface StateDelta {
  over: LaunchState;
  routes: readonly ServedRoute[];
  before: readonly ServedRoute[];
}

/** The candidate carries more: what its links and files must resolve against. */
export interface CandidateState extends LaunchState {
  pages: readonly PageLinks[];
  layouts: readonly KeyedBody[];
  components: readonly KeyedBody[];
  mediaKeys: readonly string[];
  delta?: StateDelta;
}

export const entityId = (type: string, key: string) => `${type}/${key}`;

/** The singleton a site reads (settings, robots): key `default` when present, else the first key. */
export function singleton(items: readonly KeyedBody[]): KeyedBody | null {
  const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return sorted.find((i) => i.key === 'default') ?? sorted[0] ?? null;
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** At most `n` items, for messages. */
export function listed(items: readonly string[], n = 3): string {
  const shown = items.slice(0, n).join(', ');
  return items.length > n ? `${shown} and ${items.length - n} more` : shown;
}
