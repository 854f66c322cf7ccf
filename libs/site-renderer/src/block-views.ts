import type { Block, FormBody, PopupBody } from '../../content-model';
import { HONEYPOT_FIELD } from './form-submission';
import { componentMarkup, type TemplateBudget } from './component-template';
import { htmlBlockMarkup } from './html-block';
import { mediaUrl, safeHref } from './safe-url';
import type { PageAssets, SiteDesign } from './site-design';
import type { BlockView, FieldView, FormView, LinkView, PopupView } from './views';

/** What turning blocks into views needs: the design (component overrides), the page's assets, the base path. */
export interface ViewContext {
  base: string;
  design: SiteDesign;
  assets: PageAssets;
  /** The site's owner lets html blocks run as written (see RenderTarget.trustedCustomCode). */
  trustedCustomCode: boolean;
  /** What the page's component templates may still spend. */
  templates: TemplateBudget;
}

type Props = Record<string, unknown>;

export function blockViews(blocks: unknown, ctx: ViewContext): BlockView[] {
  if (!Array.isArray(blocks)) return [];
  const views: BlockView[] = [];
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const view = blockView(block as Block, ctx);
    if (view) views.push(view);
  }
  return views;
}

function blockView(block: Block, ctx: ViewContext): BlockView | null {
  const id = str(block.id);
  switch (block.type) {
    case 'heading':
      return { kind: 'heading', id, level: clampLevel(block.level), text: str(block.text) };
    case 'text':
      return { kind: 'text', id, paragraphs: paragraphs(block.text) };
    case 'image': {
      const image = imageOf(block.media, block.alt, ctx);
      return image && { kind: 'image', id, ...image };
    }
    case 'form': {
      const form = formViewOf(str(block.form), `${id || 'form'}`, ctx);
      return form && { kind: 'form', id, form };
    }
    case 'html':
      return { kind: 'html', id, html: htmlBlockMarkup(str(block.html), ctx.trustedCustomCode) };
    case 'link':
    case 'button': {
      const link = linkOf(block.href, block.text ?? block.label, ctx.base);
      return link && { kind: 'link', id, link, button: block.type === 'button' };
    }
    case 'component':
      return componentView(id, block, ctx);
    default:
      return { kind: 'other', id, type: str(block.type) };
  }
}

// A component block names a component override by key; the override says which builder component it is and
// sets its site-wide props, which the block's own props refine.
function componentView(id: string, block: Block, ctx: ViewContext): BlockView {
  const key = str(block.component);
  const override = ctx.design.components.get(key);
  const name = str(override?.component) || key;
  const props: Props = { ...asProps(override?.props), ...asProps(block.props) };
  if (typeof override?.template === 'string' && override.template !== '')
    return { kind: 'html', id, html: componentMarkup(key, override.template, props, ctx) };
  switch (name) {
    case 'navbar':
      return {
        kind: 'navbar',
        id,
        brand: { href: `${ctx.base}/`, label: str(props.brand) || str(ctx.design.settings.title) },
        links: linksOf(props.links, ctx.base),
      };
    case 'hero':
      return {
        kind: 'hero',
        id,
        title: str(props.title),
        subtitle: str(props.subtitle),
        image: imageOf(props.image ?? props.media, props.alt, ctx),
      };
    case 'button': {
      const link = linkOf(props.href, props.label ?? props.text, ctx.base);
      return link ? { kind: 'link', id, link, button: true } : { kind: 'component', id, name, text: str(props.label) };
    }
    default:
      return { kind: 'component', id, name: cssIdent(name), text: str(props.text) };
  }
}

export function formViewOf(key: string, instance: string, ctx: ViewContext): FormView | null {
  const form = ctx.assets.forms.get(key);
  return form ? formView(key, form, instance, ctx.base) : null;
}

function formView(key: string, form: FormBody, instance: string, base: string): FormView {
  const prefix = `f-${cssIdent(instance)}`;
  const fields: FieldView[] = (form.fields ?? []).map((field) => ({
    id: `${prefix}-${cssIdent(field.name)}`,
    name: str(field.name),
    label: str(field.label) || str(field.name),
    type: field.type,
    required: field.required === true,
    placeholder: str(field.placeholder),
    options: Array.isArray(field.options) ? field.options.map(str) : [],
  }));
  return {
    key,
    title: str(form.title),
    action: `${base}/forms/${encodeURIComponent(key)}`,
    fields,
    submitLabel: str(form.submitLabel) || 'Send',
    honeypotId: `${prefix}-hp`,
    honeypotName: HONEYPOT_FIELD,
  };
}

export function popupView(key: string, popup: PopupBody, ctx: ViewContext): PopupView {
  const trigger = popup.trigger ?? {};
  return {
    key,
    title: str(popup.title),
    paragraphs: paragraphs(popup.body),
    trigger: ['load', 'delay', 'scroll', 'exit_intent'].includes(str(trigger.on)) ? str(trigger.on) : 'load',
    delaySeconds: boundedInt(trigger.delaySeconds, 0, 86400),
    scrollPercent: boundedInt(trigger.scrollPercent, 0, 100) || 50,
    form: popup.form ? formViewOf(str(popup.form), `popup-${key}`, ctx) : null,
  };
}

function imageOf(mediaKey: unknown, alt: unknown, ctx: ViewContext): { src: string; alt: string } | null {
  const key = str(mediaKey);
  const media = ctx.assets.media.get(key);
  if (!media || typeof media.sha256 !== 'string') return null;
  return { src: mediaUrl(ctx.base, key, media.sha256), alt: str(alt) || str(media.alt) };
}

function linksOf(links: unknown, base: string): LinkView[] {
  if (!Array.isArray(links)) return [];
  const out: LinkView[] = [];
  for (const link of links.slice(0, 50)) {
    if (typeof link === 'string') {
      const slug = link
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      out.push({ href: `${base}/${slug}`, label: link });
    } else if (typeof link === 'object' && link !== null) {
      const { href, path, label, text } = link as Props;
      const view = linkOf(href ?? path, label ?? text, base);
      if (view) out.push(view);
    }
  }
  return out;
}

function linkOf(href: unknown, label: unknown, base: string): LinkView | null {
  const safe = safeHref(href, base);
  return safe === null ? null : { href: safe, label: str(label) || safe };
}

/** Blank lines separate paragraphs; single newlines become line breaks. */
export function paragraphs(text: unknown): string[][] {
  return str(text)
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.split(/\r?\n/))
    .filter((lines) => lines.some((l) => l.trim() !== ''));
}

function clampLevel(level: unknown): number {
  return boundedInt(level, 1, 6) || 2;
}

function boundedInt(value: unknown, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : 0;
}

function asProps(value: unknown): Props {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Props) : {};
}

/** A string that is safe as (part of) a class name or id: letters, digits, '-' and '_'. */
export function cssIdent(value: unknown): string {
  return str(value)
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 100);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
