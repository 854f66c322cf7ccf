import type {
  ComponentOverrideBody,
  ConsentRuleBody,
  FormBody,
  LayoutBody,
  MediaBody,
  PopupBody,
  SiteSettingsBody,
  ThemeBody,
} from '../../content-model';

/** The parts of one content state that every page of it shares: what makes the site look like itself. */
export interface SiteDesign {
  settings: SiteSettingsBody;
  theme: ThemeBody | null;
  /** Custom CSS of every stylesheet entity, in key order. */
  stylesheets: readonly string[];
  layouts: ReadonlyMap<string, LayoutBody>;
  components: ReadonlyMap<string, ComponentOverrideBody>;
  popups: readonly { key: string; body: PopupBody }[];
  consentRules: readonly ConsentRuleBody[];
}

/** The forms and media files one page refers to, by key. */
export interface PageAssets {
  forms: ReadonlyMap<string, FormBody>;
  media: ReadonlyMap<string, MediaBody>;
}

/** Where and how a page is served. */
export interface RenderTarget {
  /** The path the site is mounted on: '' on its own domain, '/sites/<slug>' or '/preview/<slug>' without DNS. */
  base: string;
  env: 'staging' | 'production';
  /** Shown in the staging preview's banner. */
  stagingVersion?: number;
  /** html blocks render as written (scripts and all) rather than sanitised; the owner's site setting. */
  trustedCustomCode?: boolean;
  /** A client's staging page: the banner offers "Approve this version", posting this fingerprint to `action`. */
  approval?: { fingerprint: string; action: string };
}

/** One entity of the state, as the design loader reads it. */
export interface DesignEntity {
  type: string;
  key: string;
  body: unknown;
}

/** The entity types that make up a SiteDesign. */
export const DESIGN_TYPES = [
  'site_settings',
  'theme',
  'stylesheet',
  'layout',
  'component_override',
  'popup',
  'consent_rule',
] as const;

// Singletons (settings, theme) are read from the key 'default' when present, else the first key: sites made
// by hand may name them anything, and a site with two themes still renders deterministically.
const SINGLETON_KEY = 'default';

/** Builds the design from its entities (any order). */
export function buildDesign(entities: readonly DesignEntity[]): SiteDesign {
  const sorted = [...entities].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ofType = <T>(type: string) => sorted.filter((e) => e.type === type) as { key: string; body: T }[];
  const settings = pickSingleton(ofType<SiteSettingsBody>('site_settings'), undefined) ?? {};
  const themeKey = typeof settings.theme === 'string' ? settings.theme : undefined;
  return {
    settings,
    theme: pickSingleton(ofType<ThemeBody>('theme'), themeKey),
    stylesheets: ofType<{ css?: unknown }>('stylesheet')
      .map((s) => s.body.css)
      .filter((css): css is string => typeof css === 'string'),
    layouts: new Map(ofType<LayoutBody>('layout').map((l) => [l.key, l.body])),
    components: new Map(ofType<ComponentOverrideBody>('component_override').map((c) => [c.key, c.body])),
    popups: ofType<PopupBody>('popup').filter((p) => p.body.enabled !== false),
    consentRules: ofType<ConsentRuleBody>('consent_rule').map((r) => r.body),
  };
}

/** The layout a page uses: its own, else the site's default, else the first one. */
export function layoutFor(design: SiteDesign, pageLayout: unknown): LayoutBody | null {
  if (typeof pageLayout === 'string' && design.layouts.has(pageLayout)) return design.layouts.get(pageLayout)!;
  const preferred = typeof design.settings.layout === 'string' ? design.settings.layout : SINGLETON_KEY;
  return design.layouts.get(preferred) ?? design.layouts.values().next().value ?? null;
}

// Popups are for a page, not for a site's every popup at once: more than this on one page is noise to a visitor
// and weight to every response. Popups that name `paths` come first, then site-wide ones, in key order.
export const MAX_POPUPS_PER_PAGE = 3;

/**
 * The popups a page at `path` shows: those whose `paths` list it (exactly, or by a prefix ending in '*'),
 * then those without `paths` (site-wide), at most MAX_POPUPS_PER_PAGE.
 */
export function popupsFor(design: SiteDesign, path: string): SiteDesign['popups'] {
  const targeted: SiteDesign['popups'][number][] = [];
  const siteWide: SiteDesign['popups'][number][] = [];
  for (const popup of design.popups) {
    const paths = popup.body.paths;
    if (!Array.isArray(paths)) siteWide.push(popup);
    else if (paths.some((p) => typeof p === 'string' && matchesPath(p, path))) targeted.push(popup);
  }
  return [...targeted, ...siteWide].slice(0, MAX_POPUPS_PER_PAGE);
}

function matchesPath(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

function pickSingleton<T>(items: { key: string; body: T }[], preferred: string | undefined): T | null {
  const byKey = (key: string | undefined) => (key === undefined ? undefined : items.find((i) => i.key === key));
  return (byKey(preferred) ?? byKey(SINGLETON_KEY) ?? items[0])?.body ?? null;
}
