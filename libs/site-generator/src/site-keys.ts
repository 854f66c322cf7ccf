import { Random } from './random';
import type { SitePlan } from './site-plan';
import { slugOf, titleCase, words } from './words';

/** The key of generated media file `index`, shared by mediaEntity and the bodies that show it. */
export function mediaKey(index: number): string {
  return `photo-${index}.png`;
}

export const OBJECT_TYPE_NAMES = ['product', 'location', 'team-member'] as const;
export const FORM_NAMES = ['contact', 'newsletter', 'wholesale-quote'] as const;
const SECTIONS = ['shop', 'coffee', 'learn', 'about', 'visit', 'services', 'guides'];

/**
 * Keys, titles and paths of a generated site, computed from (seed, index) alone: a redirect can point at
 * page 812 without page 812 being kept in memory.
 */
export class SiteKeys {
  constructor(
    readonly seed: number,
    readonly plan: SitePlan,
  ) {}

  form(index: number): string {
    return `${FORM_NAMES[index % FORM_NAMES.length]}-${index}`;
  }

  layout(index: number): string {
    return index === 0 ? 'main' : `layout-${index}`;
  }

  component(index: number): string {
    return `${index % 2 === 0 ? 'site-header' : 'site-footer'}-${Math.floor(index / 2)}`;
  }

  objectType(index: number): string {
    const name = OBJECT_TYPE_NAMES[index % OBJECT_TYPE_NAMES.length];
    return index < OBJECT_TYPE_NAMES.length ? name : `${name}-${index}`;
  }

  /** The key of a random one of `count` generated entities, or undefined when the site has none. */
  pick(random: Random, count: number, keyOf: (index: number) => string): string | undefined {
    return count > 0 ? keyOf(random.int(0, count - 1)) : undefined;
  }

  publishable(kind: 'page' | 'post', index: number): { key: string; title: string; path: string } {
    const random = Random.of(this.seed, kind, 'identity', index);
    const title = words(random, random.int(3, 6));
    const slug = `${slugOf(title.slice(0, 3))}-${index}`;
    if (kind === 'post') return { key: `post-${index}`, title: titleCase(title), path: `/blog/${slug}` };
    const path = index === 0 ? '/' : `/${random.pick(SECTIONS)}/${slug}`;
    return { key: index === 0 ? 'home' : `page-${index}`, title: index === 0 ? 'Home' : titleCase(title), path };
  }
}
