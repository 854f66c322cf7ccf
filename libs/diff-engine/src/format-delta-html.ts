import type { Delta } from 'jsondiffpatch';
import { format } from 'jsondiffpatch/formatters/html';

/** HTML rendering of `delta` over `left` (the body the delta applies to); empty for no change. */
export function formatDeltaHtml(delta: Delta | undefined, left: unknown): string {
  if (delta === undefined) return '';
  return format(delta, left) ?? '';
}

/** Absolute path of the stylesheet the HTML rendering expects. */
export function deltaCssPath(): string {
  return require.resolve('jsondiffpatch/formatters/styles/html.css');
}
