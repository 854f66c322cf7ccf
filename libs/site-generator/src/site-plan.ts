import { CONTENT_TYPES, type ContentType } from '../../content-model';

export type SitePlan = Record<ContentType, number>;

/**
 * How many entities of each type a generated site of `total` entities has: about 70% pages and posts, 15%
 * custom object records, some redirects, forms, popups, integrations, the singletons and `mediaFiles` media.
 * Types are served in priority order, so a tiny site still adds up to exactly `total`.
 */
export function planSite(total: number, mediaFiles?: number): SitePlan {
  const plan = Object.fromEntries(CONTENT_TYPES.map((type) => [type, 0])) as SitePlan;
  const pagesAndPosts = total > 0 ? Math.max(1, Math.round(total * 0.7)) : 0;
  let left = total - pagesAndPosts;
  const take = (type: ContentType, wanted: number) => {
    const granted = Math.max(0, Math.min(Math.floor(wanted), left));
    plan[type] += granted;
    left -= granted;
  };
  take('media', mediaFiles ?? Math.max(1, Math.round(total * 0.02)));
  take('theme', 1);
  take('site_settings', 1);
  take('stylesheet', 1);
  take('layout', Math.max(1, Math.round(total / 10_000)));
  take('component_override', 2 * plan.layout);
  take('form', Math.max(1, Math.round(total * 0.01)));
  take('robots_txt', 1);
  take('consent_rule', 1);
  take('custom_object_type', total >= 50 ? 3 : 1);
  take('custom_field', 4 * plan.custom_object_type);
  take('integration', Math.min(20, Math.max(1, Math.round(total * 0.002))));
  take('popup', Math.round(total * 0.005));
  take('redirect', Math.round(total * 0.06));
  if (plan.custom_object_type > 0) take('custom_object', Math.round(total * 0.15));
  const publishable = pagesAndPosts + left;
  plan.post = Math.round(publishable * 0.3);
  plan.page = publishable - plan.post;
  return plan;
}
