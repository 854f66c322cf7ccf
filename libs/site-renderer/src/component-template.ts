import { templateEngine } from '../../content-model';
import type { Liquid } from 'liquidjs';
import type { ViewContext } from './block-views';
import { htmlBlockMarkup } from './html-block';
import type { SiteDesign } from './site-design';

/**
 * A component template failed to render (a partial it names is missing, it ran past its time or memory
 * budget): the page cannot be rendered as its author meant, so it is not rendered at all. The public site
 * answers 500, and the post-swap check of a promotion rolls such a state back.
 */
export class TemplateRenderError extends Error {
  constructor(
    readonly component: string,
    cause: unknown,
  ) {
    super(`The template of component ${component} failed to render: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'TemplateRenderError';
  }
}

// One engine per design: its partials are that design's component templates, parsed once per render.
const engines = new WeakMap<SiteDesign, Liquid>();

function engineOf(design: SiteDesign): Liquid {
  let engine = engines.get(design);
  if (!engine) {
    const partials: Record<string, string> = {};
    for (const [key, component] of design.components)
      if (typeof component.template === 'string') partials[key] = component.template;
    engine = templateEngine(partials);
    engines.set(design, engine);
  }
  return engine;
}

/** A component block as its override's Liquid template writes it, sanitised like an html block unless trusted. */
export function componentMarkup(
  key: string,
  template: string,
  props: Record<string, unknown>,
  ctx: ViewContext,
): string {
  let html: string;
  try {
    html = engineOf(ctx.design).parseAndRenderSync(template, {
      props,
      site: { title: ctx.design.settings.title ?? '' },
    });
  } catch (error) {
    throw new TemplateRenderError(key, error);
  }
  return htmlBlockMarkup(html, ctx.trustedCustomCode);
}
