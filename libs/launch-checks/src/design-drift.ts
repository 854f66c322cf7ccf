import { check, type LaunchCheck } from './launch-check';

/** The site-wide design every page is rendered with: a page does not name it, so no closure brings it. */
export const DESIGN_TYPES = ['theme', 'stylesheet'] as const;

// Pages named per check; `pageCount` says how many there are.
const PAGES_LISTED = 20;

/**
 * A selective promotion ships some pages but leaves a design change on staging behind: those pages will look
 * in production otherwise than they did on staging. One warning per design entity left behind.
 */
export function designDriftChecks(
  selectedPages: readonly { type: string; key: string }[],
  designLeftBehind: readonly { type: string; key: string; op: string }[],
): LaunchCheck[] {
  if (!selectedPages.length) return [];
  const pages = selectedPages.slice(0, PAGES_LISTED).map(({ type, key }) => ({ type, key }));
  return designLeftBehind.map((design) =>
    check(
      'design_not_selected',
      design.type,
      design.key,
      `The ${design.type} ${design.key} is ${design.op} on staging but not selected: the ${selectedPages.length === 1 ? 'selected page' : `${selectedPages.length} selected pages`} will look different in production than on staging. Select it too, or promote it later.`,
      { details: { op: design.op, pages, pageCount: selectedPages.length } },
    ),
  );
}
