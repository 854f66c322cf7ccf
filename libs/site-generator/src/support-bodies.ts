import { fieldTemplate, fieldValue, OBJECT_TEMPLATES } from './object-templates';
import { Random } from './random';
import { FORM_NAMES, mediaKey, OBJECT_TYPE_NAMES, type SiteKeys } from './site-keys';
import { paragraph, sentence, slugOf, titleCase, words } from './words';

type Body = Record<string, unknown>;

// Bodies of everything that is not a page or post. Each takes (keys, index) and draws from its own stream.

const FORM_FIELDS: Record<(typeof FORM_NAMES)[number], Body[]> = {
  contact: [
    { name: 'name', type: 'text', label: 'Your name', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'message', type: 'textarea', label: 'Message', required: true },
  ],
  newsletter: [
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'consent', type: 'checkbox', label: 'Send me the weekly roast notes', required: true },
  ],
  'wholesale-quote': [
    { name: 'company', type: 'text', label: 'Company', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'phone', type: 'tel', label: 'Phone', required: false },
    { name: 'kilos', type: 'number', label: 'Kilos per month', required: true },
    { name: 'grind', type: 'select', label: 'Grind', required: true, options: ['Whole bean', 'Espresso', 'Filter'] },
    { name: 'notes', type: 'textarea', label: 'Anything else?', required: false },
  ],
};

export function formBody(_keys: SiteKeys, index: number): Body {
  const name = FORM_NAMES[index % FORM_NAMES.length];
  return { title: titleCase(name.split('-')), fields: FORM_FIELDS[name], submitLabel: 'Send' };
}

export function objectTypeBody(_keys: SiteKeys, index: number): Body {
  const template = OBJECT_TEMPLATES[OBJECT_TYPE_NAMES[index % OBJECT_TYPE_NAMES.length]];
  return { name: template.name, label: `${template.name}s` };
}

/** Field `index` belongs to object type `index % types`; it is that type's field number `index / types`. */
export function customFieldOf(keys: SiteKeys, index: number): { key: string; data: Body } {
  const types = keys.plan.custom_object_type;
  const typeIndex = index % types;
  const field = fieldTemplate(OBJECT_TYPE_NAMES[typeIndex % OBJECT_TYPE_NAMES.length], Math.floor(index / types));
  const objectType = keys.objectType(typeIndex);
  const data: Body = { objectType, name: field.name, fieldType: field.fieldType, label: titleCase([field.name]) };
  if (field.options) data.options = field.options;
  return { key: `${objectType}.${field.name.toLowerCase()}`, data };
}

export function customObjectBody(keys: SiteKeys, index: number): Body {
  const random = Random.of(keys.seed, 'custom_object', index);
  const types = keys.plan.custom_object_type;
  const typeIndex = index % types;
  const template = OBJECT_TYPE_NAMES[typeIndex % OBJECT_TYPE_NAMES.length];
  // Only the fields that the site actually defines for this type.
  const fieldCount = Math.floor((keys.plan.custom_field - typeIndex + types - 1) / types);
  const values: Body = {};
  for (let f = 0; f < fieldCount; f++) {
    const field = fieldTemplate(template, f);
    values[field.name] = fieldValue(field, random, keys.plan.media);
  }
  return { objectType: keys.objectType(typeIndex), values };
}

export function popupBody(keys: SiteKeys, index: number): Body {
  const random = Random.of(keys.seed, 'popup', index);
  const body: Body = {
    title: titleCase(words(random, 3)),
    body: sentence(random),
    trigger: random.chance(0.5) ? { on: 'delay', delaySeconds: random.int(3, 30) } : { on: 'exit_intent' },
  };
  const form = keys.pick(random, keys.plan.form, (i) => keys.form(i));
  if (form) body.form = form;
  return body;
}

export function integrationBody(keys: SiteKeys, index: number): Body {
  const random = Random.of(keys.seed, 'integration', index);
  const kind = random.pick(['webhook', 'crm', 'analytics', 'email']);
  return {
    kind,
    name: `${titleCase([kind])} ${index}`,
    url: `https://hooks.example.com/${kind}/${index}`,
    events: ['form.submitted'],
  };
}

export function redirectOf(keys: SiteKeys, index: number): { key: string; data: Body } {
  const random = Random.of(keys.seed, 'redirect', index);
  const slug = `${slugOf(words(random, 2))}-${index}`;
  const pages = keys.plan.page;
  const to =
    pages > 0 && random.chance(0.9)
      ? keys.publishable('page', random.int(0, pages - 1)).path
      : `https://shop.example.com/${slug}`;
  return {
    key: `redirect-${index}`,
    data: { from: `/old/${slug}`, to, status: random.pick([301, 301, 301, 302, 308]) },
  };
}

export function componentOverrideBody(_keys: SiteKeys, index: number): Body {
  return index % 2 === 0
    ? { component: 'navbar', props: { sticky: true, links: ['Shop', 'Coffee', 'Visit', 'Blog'] } }
    : { component: 'footer', props: { columns: 3, showNewsletter: true } };
}

export function layoutBody(keys: SiteKeys, index: number): Body {
  const random = Random.of(keys.seed, 'layout', index);
  const components = keys.plan.component_override;
  const component = (n: number) => ({ type: 'component', component: keys.component(n % components) });
  const header: Body[] = [];
  const footer: Body[] = [];
  if (components > 0) header.push({ id: 'header', ...component(2 * index) });
  if (components > 1) footer.push({ id: 'footer', ...component(2 * index + 1) });
  footer.push({ id: 'footer-text', type: 'text', text: `© ${titleCase(words(random, 2))}` });
  return { name: index === 0 ? 'Main' : `Layout ${index}`, header, footer };
}

export function singletonBodies(keys: SiteKeys): Record<string, Body> {
  const random = Random.of(keys.seed, 'singletons');
  const settings: Body = {
    title: `${titleCase(words(random, 2))} Coffee`,
    description: sentence(random),
    canonicalBase: 'https://www.example.com',
    locale: 'en',
    maintenancePage: { title: 'Back soon', message: 'We are updating the site. Please try again in a minute.' },
  };
  if (keys.plan.media > 0) settings.ogImage = mediaKey(0);
  return {
    theme: {
      colors: { primary: '#6f4e37', secondary: '#c8a27a', background: '#fffaf3', text: '#2b1d14' },
      fonts: { heading: 'Georgia, serif', body: '"Inter", system-ui, sans-serif' },
    },
    stylesheet: { css: stylesheet(random) },
    site_settings: settings,
    robots_txt: { body: 'User-agent: *\nAllow: /\nDisallow: /cart\nSitemap: https://www.example.com/sitemap.xml\n' },
    consent_rule: {
      category: 'analytics',
      bannerText: paragraph(random, 1),
      scripts: [{ src: 'https://analytics.example.com/tag.js', category: 'analytics' }],
    },
  };
}

function stylesheet(random: Random): string {
  const selectors = ['.hero', '.card', '.button', '.nav a', '.footer', 'h1', 'h2', 'blockquote', '.price'];
  return selectors
    .map((s) => `${s} { margin: ${random.int(0, 4)}rem 0; padding: ${random.int(0, 3)}rem; color: var(--text); }`)
    .join('\n');
}
