import type { ContentType } from './content-types';

// TypeScript views of the `data` bodies that contentSchemas accepts. Every body keeps unknown fields,
// hence the index signatures.
type Open = { [field: string]: unknown };

export interface Block extends Open {
  /** Always present after validateContent (page and post blocks). */
  id: string;
  type: string;
}
export interface HeadingBlock extends Block {
  type: 'heading';
  text: string;
  level: number;
}
export interface TextBlock extends Block {
  type: 'text';
  text: string;
}
export interface ImageBlock extends Block {
  type: 'image';
  media: string;
  alt?: string;
}
export interface FormBlock extends Block {
  type: 'form';
  form: string;
}
export interface HtmlBlock extends Block {
  type: 'html';
  html: string;
}
export interface ComponentBlock extends Block {
  type: 'component';
  component: string;
  props?: Open;
}

export interface PageBody extends Open {
  title: string;
  path: string;
  blocks: Block[];
  summary?: string;
  layout?: string;
  seo?: { title?: string; description?: string; ogImage?: string; noindex?: boolean } & Open;
}
export interface PostBody extends PageBody {
  author?: string;
  tags?: string[];
  publishedAt?: string;
}
export interface FormField extends Open {
  name: string;
  type: 'text' | 'email' | 'tel' | 'number' | 'textarea' | 'checkbox' | 'select';
  label?: string;
  required?: boolean;
  options?: string[];
}
export interface FormBody extends Open {
  title: string;
  fields: FormField[];
  submitLabel?: string;
  successMessage?: string;
  /** The integrations (destinations) its submissions go to. */
  integrations?: string[];
}
export interface CustomObjectTypeBody extends Open {
  name: string;
  label?: string;
  description?: string;
}
export interface CustomFieldBody extends Open {
  objectType: string;
  name: string;
  fieldType: 'text' | 'number' | 'boolean' | 'date' | 'url' | 'email' | 'richtext' | 'select' | 'media' | 'reference';
  label?: string;
  required?: boolean;
  options?: string[];
}
export interface CustomObjectBody extends Open {
  objectType: string;
  values: Open;
}
export interface RedirectBody extends Open {
  from: string;
  to: string;
  status: 301 | 302 | 307 | 308;
}
export interface RobotsTxtBody extends Open {
  body: string;
}
export interface StylesheetBody extends Open {
  css: string;
}
export interface MediaBody extends Open {
  sha256: string;
  size: number;
  contentType: string;
  alt?: string;
  filename?: string;
  /** A PDF is shown in the browser rather than downloaded. */
  inline?: boolean;
}
export interface ThemeBody extends Open {
  colors?: Record<string, string>;
  fonts?: Record<string, string>;
}
export interface LayoutBody extends Open {
  name?: string;
  header?: Block[];
  footer?: Block[];
}
export interface ComponentOverrideBody extends Open {
  component?: string;
  props?: Open;
  /** Liquid markup (see component-templates.ts). */
  template?: string;
}
export interface PopupBody extends Open {
  title?: string;
  body?: string;
  form?: string;
  trigger?: { on?: string; delaySeconds?: number; scrollPercent?: number } & Open;
}
export interface IntegrationBody extends Open {
  kind?: string;
  name?: string;
  /** May hold `{{env.NAME}}` references. */
  url?: string;
  /** Always a `{{env.NAME}}` reference. */
  secret?: string;
  events?: string[];
}
export interface SiteSettingsBody extends Open {
  title?: string;
  description?: string;
  canonicalBase?: string;
  ogImage?: string;
  noindex?: boolean;
  locale?: string;
  maintenancePage?: { title?: string; message?: string } & Open;
}
export interface ConsentRuleBody extends Open {
  category?: string;
  bannerText?: string;
  scripts?: ({ src: string; category?: string } & Open)[];
}

export interface ContentBodies {
  page: PageBody;
  post: PostBody;
  theme: ThemeBody;
  stylesheet: StylesheetBody;
  layout: LayoutBody;
  component_override: ComponentOverrideBody;
  custom_object_type: CustomObjectTypeBody;
  custom_field: CustomFieldBody;
  custom_object: CustomObjectBody;
  form: FormBody;
  popup: PopupBody;
  integration: IntegrationBody;
  site_settings: SiteSettingsBody;
  redirect: RedirectBody;
  robots_txt: RobotsTxtBody;
  consent_rule: ConsentRuleBody;
  media: MediaBody;
}

export type ContentBody<T extends ContentType = ContentType> = ContentBodies[T];
