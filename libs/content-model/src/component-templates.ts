import { Liquid, type LiquidOptions } from 'liquidjs';

/** How long a component template is allowed to be, in characters. */
export const TEMPLATE_MAX_LENGTH = 20_000;

// Liquid, not Eta: a site's own templates must not run JavaScript on the server. Partials come only from the
// site's other component templates (never the file system); outputs escape HTML. The renderer passes each
// render the time and memory left of its page's budget, so a runaway template fails instead of stalling the node.
const OPTIONS: LiquidOptions = {
  outputEscape: 'escape',
  strictFilters: true,
  ownPropertyOnly: true,
  relativeReference: false,
  parseLimit: TEMPLATE_MAX_LENGTH * 10,
};

/**
 * A Liquid engine for one design's component templates: `{% render 'key' %}` renders the component template
 * of that key, and nothing else can be included.
 */
export function templateEngine(partials: Readonly<Record<string, string>>): Liquid {
  return new Liquid({ ...OPTIONS, templates: { ...partials } });
}

const syntaxEngine = templateEngine({});

/** Why a component template cannot be parsed (unknown tag or filter, unclosed block…), or null. */
export function templateSyntaxError(template: string): string | null {
  try {
    syntaxEngine.parse(template);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
