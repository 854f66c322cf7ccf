/** Every promotable content type, in the order the API documents them. */
export const CONTENT_TYPES = [
  'page',
  'post',
  'theme',
  'stylesheet',
  'layout',
  'component_override',
  'custom_object_type',
  'custom_field',
  'custom_object',
  'form',
  'popup',
  'integration',
  'site_settings',
  'redirect',
  'robots_txt',
  'consent_rule',
  'media',
] as const;

export type ContentType = (typeof CONTENT_TYPES)[number];

/** Types with a draft and a published revision; only the published one is promoted. */
export const PUBLISHABLE_TYPES = ['page', 'post'] as const satisfies readonly ContentType[];

export type PublishableType = (typeof PUBLISHABLE_TYPES)[number];

const CONTENT_TYPE_SET: ReadonlySet<string> = new Set(CONTENT_TYPES);

export function isContentType(x: unknown): x is ContentType {
  return typeof x === 'string' && CONTENT_TYPE_SET.has(x);
}

export function isPublishable(type: ContentType): type is PublishableType {
  return type === 'page' || type === 'post';
}
