import { blocksSchema } from './block-schemas';
import { TEMPLATE_MAX_LENGTH } from './component-templates';
import type { ContentType } from './content-types';
import {
  arrayOf,
  cssValue,
  httpUrl,
  httpUrlOrVariable,
  keyOf,
  nonEmptyText,
  object,
  safeLink,
  text,
  urlPath,
  variableReference,
  type JsonSchema,
} from './schema-fragments';

export const FORM_FIELD_TYPES = ['text', 'email', 'tel', 'number', 'textarea', 'checkbox', 'select'] as const;
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'boolean',
  'date',
  'url',
  'email',
  'richtext',
  'select',
  'media',
  'reference',
] as const;
export const REDIRECT_STATUSES = [301, 302, 307, 308] as const;

const seo = object({
  title: text(500),
  description: text(2000),
  ogImage: keyOf('media file'),
  noindex: { type: 'boolean', description: 'Ask search engines not to index this page.' },
});

const page = object(
  {
    title: nonEmptyText(500),
    path: urlPath('Public path of the page, e.g. /about.'),
    blocks: blocksSchema,
    summary: text(5000),
    layout: keyOf('layout'),
    seo,
  },
  ['title', 'path', 'blocks'],
);

const post = object(
  {
    ...(page.properties as Record<string, JsonSchema>),
    author: text(200),
    tags: arrayOf(text(100), 100),
    publishedAt: { type: 'string', format: 'date-time', 'x-message': 'must be an RFC 3339 date and time' },
  },
  ['title', 'path', 'blocks'],
);

const fieldName = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
  'x-message': "must be a field name of at most 100 characters: a letter or '_', then letters, digits, '_' or '-'",
};
const fieldCommon = { name: fieldName, label: text(500), required: { type: 'boolean' }, placeholder: text(500) };
// Two branches so that a select, and only a select, must list its options.
const formField = {
  oneOf: [
    object({ ...fieldCommon, type: { type: 'string', enum: FORM_FIELD_TYPES.filter((t) => t !== 'select') } }, [
      'name',
      'type',
    ]),
    object(
      {
        ...fieldCommon,
        type: { type: 'string', enum: ['select'] },
        options: { type: 'array', minItems: 1, maxItems: 1000, items: text(500) },
      },
      ['name', 'type', 'options'],
    ),
  ],
};

const form = object(
  {
    title: nonEmptyText(500),
    fields: arrayOf(formField, 200),
    submitLabel: text(200),
    successMessage: text(2000),
    integrations: arrayOf(keyOf('integration (a destination its submissions go to)'), 50),
  },
  ['title', 'fields'],
);

const customObjectType = object({ name: nonEmptyText(200), label: text(200), description: text(2000) }, ['name']);

const customField = object(
  {
    objectType: keyOf('custom object type'),
    name: fieldName,
    fieldType: { type: 'string', enum: [...CUSTOM_FIELD_TYPES] },
    label: text(500),
    required: { type: 'boolean' },
    options: arrayOf(text(500), 1000),
  },
  ['objectType', 'name', 'fieldType'],
);

const customObject = object(
  {
    objectType: keyOf('custom object type'),
    values: object({}),
  },
  ['objectType', 'values'],
);

const redirect = object(
  {
    from: urlPath('The path that redirects.'),
    to: safeLink("Where it redirects: a path starting with '/' or an http(s) URL."),
    status: {
      type: 'integer',
      enum: [...REDIRECT_STATUSES],
      'x-message': 'must be one of 301, 302, 307 or 308',
    },
  },
  ['from', 'to', 'status'],
);

const theme = object({
  colors: { type: 'object', additionalProperties: cssValue('A colour, e.g. #6f4e37.') },
  fonts: { type: 'object', additionalProperties: cssValue('A font stack, e.g. Georgia, serif.') },
});

const layout = object({
  name: text(200),
  header: blocksSchema,
  footer: blocksSchema,
});

const componentOverride = object({
  component: nonEmptyText(200, 'The builder component this overrides, e.g. navbar.'),
  props: object({}),
  template: text(
    TEMPLATE_MAX_LENGTH,
    "The component's own markup as a Liquid template: `props` are its props (the override's, refined by the " +
      "block's), `site.title` the site's title; `{% render 'key' %}` renders another component template. " +
      'Outputs are HTML-escaped; the markup is sanitised like an html block unless the site trusts its custom code.',
  ),
});

const popup = object({
  title: text(500),
  body: text(100_000),
  form: keyOf('form'),
  trigger: object({
    on: text(50, 'When the popup opens, e.g. load, delay, scroll, exit_intent.'),
    delaySeconds: { type: 'integer', minimum: 0, maximum: 86400 },
    scrollPercent: { type: 'integer', minimum: 0, maximum: 100 },
  }),
});

const integration = object({
  kind: text(100, 'The destination kind, e.g. webhook, crm, analytics.'),
  name: text(200),
  url: httpUrlOrVariable('Where events are sent; `{{env.NAME}}` parts differ per environment.'),
  secret: variableReference('The signing secret or API key of the destination, as `{{env.NAME}}`.'),
  events: arrayOf(text(100), 100),
});

const siteSettings = object({
  title: text(500),
  description: text(2000),
  canonicalBase: httpUrl('Base URL of canonical links, e.g. https://www.example.com.'),
  ogImage: keyOf('media file'),
  noindex: { type: 'boolean', description: 'Ask search engines not to index any page of the site.' },
  locale: text(35),
  maintenancePage: object({ title: text(500), message: text(5000) }),
});

const consentRule = object({
  category: text(100, 'e.g. necessary, analytics, marketing.'),
  bannerText: text(5000),
  scripts: arrayOf(
    object({ src: safeLink("A script URL: a path starting with '/' or an http(s) URL."), category: text(100) }, [
      'src',
    ]),
    100,
  ),
});

const media = object(
  {
    sha256: {
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
      'x-message': 'must be 64 lowercase hexadecimal characters',
    },
    size: { type: 'integer', minimum: 0 },
    // Parameters may only hold visible ASCII and spaces: a CR, LF or other control character in a header
    // value makes Node refuse to send it. The type must also be the one its upload verified (src/media).
    contentType: {
      type: 'string',
      maxLength: 255,
      pattern: String.raw`^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?: *;[ -~]*)?$`,
      'x-message': 'must be a media type such as image/png, without control characters',
    },
    alt: text(1000),
    filename: text(255),
    inline: {
      type: 'boolean',
      description: 'Show a PDF in the browser instead of downloading it. Images, video and audio are always inline.',
    },
  },
  ['sha256', 'size', 'contentType'],
);

/**
 * The JSON Schema of each type's `data` body. Plain draft-07 / OpenAPI 3.0 keywords only (no $id, $ref or
 * const), so the same objects validate with ajv and embed in the OpenAPI document. Unknown fields are kept.
 */
export const contentSchemas: Record<ContentType, JsonSchema> = {
  page,
  post,
  theme,
  stylesheet: object({ css: text(500_000) }, ['css']),
  layout,
  component_override: componentOverride,
  custom_object_type: customObjectType,
  custom_field: customField,
  custom_object: customObject,
  form,
  popup,
  integration,
  site_settings: siteSettings,
  redirect,
  robots_txt: object({ body: text(100_000) }, ['body']),
  consent_rule: consentRule,
  media,
};
