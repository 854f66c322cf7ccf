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

// What all the component templates of one page may spend together: a page of a thousand component blocks must
// not hold the node for a thousand times one template's limit, nor build a gigabyte of markup.
const PAGE_BUDGET = { ms: 250, chars: 5_000_000 };

/** One page's remaining template budget, shared by its blocks, layout and popups. */
export class TemplateBudget {
  private readonly until = performance.now() + PAGE_BUDGET.ms;
  private chars = PAGE_BUDGET.chars;

  limits(): { renderLimit: number; memoryLimit: number } | null {
    const ms = this.until - performance.now();
    return ms > 0 && this.chars > 0 ? { renderLimit: ms, memoryLimit: this.chars } : null;
  }

  spend(output: string): void {
    this.chars -= output.length;
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
  const limits = ctx.templates.limits();
  if (!limits) throw new TemplateRenderError(key, new Error("the page's template budget is spent"));
  let html: string;
  try {
    const scope = { props, site: { title: ctx.design.settings.title ?? '' } };
    html = engineOf(ctx.design).parseAndRenderSync(template, scope, limits);
  } catch (error) {
    throw new TemplateRenderError(key, error);
  }
  ctx.templates.spend(html);
  return htmlBlockMarkup(html, ctx.trustedCustomCode);
}
