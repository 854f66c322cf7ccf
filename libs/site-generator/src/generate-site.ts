import type { ContentType } from '../../content-model';
import { mediaEntity } from './media-entity';
import { publishableBody } from './page-bodies';
import type { SiteEntity } from './site-entity';
import { SiteKeys } from './site-keys';
import { planSite } from './site-plan';
import {
  componentOverrideBody,
  customFieldOf,
  customObjectBody,
  formBody,
  integrationBody,
  layoutBody,
  objectTypeBody,
  popupBody,
  redirectOf,
  singletonBodies,
} from './support-bodies';

export interface GenerateSiteOptions {
  /** Total number of entities, media included. */
  entities: number;
  seed?: number;
  /** Media entities among them (default 2% of `entities`); their bytes are mediaBytes(index, mediaSizeBytes). */
  mediaFiles?: number;
  mediaSizeBytes?: number;
}

/** The key every singleton (theme, stylesheet, site_settings, robots_txt, consent_rule) is stored under. */
export const SINGLETON_KEY = 'default';

/**
 * A realistic site, one entity at a time, so 100,000 entities never sit in memory together. Same options,
 * same entities. Entities come after everything they reference, and every reference resolves in the site.
 */
export function* generateSite(options: GenerateSiteOptions): Generator<SiteEntity> {
  const seed = options.seed ?? 1;
  const plan = planSite(Math.max(0, Math.floor(options.entities)), options.mediaFiles);
  const keys = new SiteKeys(seed, plan);
  const each = function* (type: ContentType, build: (index: number) => { key: string; data: SiteEntity['data'] }) {
    for (let index = 0; index < plan[type]; index++) yield { type, ...build(index) };
  };

  for (let index = 0; index < plan.media; index++) yield mediaEntity(index, options.mediaSizeBytes);
  const singletons = singletonBodies(keys);
  for (const type of ['theme', 'stylesheet', 'site_settings', 'robots_txt', 'consent_rule'] as const) {
    if (plan[type] > 0) yield { type, key: SINGLETON_KEY, data: singletons[type] };
  }
  yield* each('integration', (i) => ({ key: `integration-${i}`, data: integrationBody(keys, i) }));
  yield* each('component_override', (i) => ({ key: keys.component(i), data: componentOverrideBody(keys, i) }));
  yield* each('layout', (i) => ({ key: keys.layout(i), data: layoutBody(keys, i) }));
  yield* each('form', (i) => ({ key: keys.form(i), data: formBody(keys, i) }));
  yield* each('popup', (i) => ({ key: `popup-${i}`, data: popupBody(keys, i) }));
  yield* each('custom_object_type', (i) => ({ key: keys.objectType(i), data: objectTypeBody(keys, i) }));
  yield* each('custom_field', (i) => customFieldOf(keys, i));
  yield* each('custom_object', (i) => ({ key: `record-${i}`, data: customObjectBody(keys, i) }));
  yield* each('page', (i) => ({ key: keys.publishable('page', i).key, data: publishableBody(keys, 'page', i) }));
  yield* each('post', (i) => ({ key: keys.publishable('post', i).key, data: publishableBody(keys, 'post', i) }));
  yield* each('redirect', (i) => redirectOf(keys, i));
}
