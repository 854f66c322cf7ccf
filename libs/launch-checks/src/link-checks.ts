import { canonicalHostOf, internalTarget } from './internal-path';
import { type CandidateState, check, type LaunchCheck, listed, record, singleton } from './launch-check';
import { servedRoutes } from './state-sets';
import { outgoingOf } from './links';

// A check names the first few; `details` carries up to this many of each.
const DETAIL_LIMIT = 50;

/**
 * Links of the candidate's pages, posts, layouts and component overrides that point at paths the candidate
 * does not serve (`broken_internal_link`), and files they show that it lacks (`missing_media`): one check per
 * linking entity.
 */
export function linkChecks(candidate: CandidateState): LaunchCheck[] {
  const served = servedRoutes(candidate);
  const media = new Set(candidate.mediaKeys);
  const components = new Map(candidate.components.map((c) => [c.key, c.body]));
  const settings = record(singleton(candidate.siteSettings)?.body);
  const host = canonicalHostOf(settings.canonicalBase);
  const checks: LaunchCheck[] = [];

  const judge = (type: string, key: string, from: string | null, hrefs: string[], shown: string[]) => {
    if (!hrefs.length && shown.every((m) => media.has(m))) return; // most pages: every file there, no links
    const broken = new Set<string>();
    const missing = new Set(shown.filter((m) => !media.has(m)));
    for (const href of hrefs) {
      const target = internalTarget(href, from, host);
      if (target?.kind === 'route' && !served.has(target.path)) broken.add(target.path);
      if (target?.kind === 'media' && !media.has(target.key)) missing.add(target.key);
    }
    if (broken.size) {
      const paths = [...broken].sort();
      checks.push(
        check(
          'broken_internal_link',
          type,
          key,
          `${describe(type, key)} links to ${listed(paths)}, which the promoted site would not serve.`,
          { details: { paths: paths.slice(0, DETAIL_LIMIT), count: paths.length } },
        ),
      );
    }
    if (missing.size) {
      const keys = [...missing].sort();
      checks.push(
        check(
          'missing_media',
          type,
          key,
          `${describe(type, key)} shows ${listed(keys)}, which the promoted site does not have.`,
          { details: { media: keys.slice(0, DETAIL_LIMIT), count: keys.length } },
        ),
      );
    }
  };

  for (const page of candidate.pages) {
    const out = outgoingOf(page.blocks, components);
    const shown = typeof page.ogImage === 'string' && page.ogImage ? [...out.media, page.ogImage] : out.media;
    judge(page.type, page.key, page.route, out.hrefs, shown);
  }
  for (const layout of candidate.layouts) {
    const body = record(layout.body);
    const header = outgoingOf(body.header, components);
    const footer = outgoingOf(body.footer, components);
    judge('layout', layout.key, null, [...header.hrefs, ...footer.hrefs], [...header.media, ...footer.media]);
  }
  for (const component of candidate.components) {
    // The override's own props, as any component block using it would render them.
    const out = outgoingOf([{ type: 'component', component: component.key }], components, true);
    judge('component_override', component.key, null, out.hrefs, out.media);
  }
  const settingsEntity = singleton(candidate.siteSettings);
  if (settingsEntity && typeof settings.ogImage === 'string' && settings.ogImage)
    judge('site_settings', settingsEntity.key, null, [], [settings.ogImage]);
  return checks;
}

export const describe = (type: string, key: string) => `The ${type.replace('_', ' ')} "${key}"`;
