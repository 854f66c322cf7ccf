import { escapeHtml } from '../../libs/site-renderer';
import type { ProbedPage } from '../public-site/site-probe.service';
import type { SmokeCheck } from '../sites/site.types';

/** One expectation of a post-swap check: the home page, a page the promotion changed, or a site's smoke check. */
export interface PlannedCheck {
  check: 'home' | 'changed' | 'smoke';
  path: string;
  /** A smoke check's status; the home page and changed pages only must not answer 5xx or fail to render. */
  status?: number;
  contains?: string;
}

export interface CheckFailure {
  check: PlannedCheck['check'];
  path: string;
  url: string;
  expected: string;
  status: number;
  error?: string;
}

export interface Verification {
  verdict: 'passed' | 'rolled_back';
  checked: number;
  failures: CheckFailure[];
}

/** The home page, then the changed pages (already bounded by the caller), then the site's smoke checks. */
export function planChecks(changedRoutes: readonly string[], smokeChecks: readonly SmokeCheck[]): PlannedCheck[] {
  const pages = [...new Set(['/', ...changedRoutes])];
  return [
    ...pages.map((path): PlannedCheck => ({ check: path === '/' ? 'home' : 'changed', path })),
    ...smokeChecks.map((smoke): PlannedCheck => ({ check: 'smoke', ...smoke })),
  ];
}

/** Each path once, in the order first asked for. */
export const pathsOf = (checks: readonly PlannedCheck[]): string[] => [...new Set(checks.map((c) => c.path))];

/** The checks that `probed` (one rendering per path) does not satisfy. */
export function failuresOf(checks: readonly PlannedCheck[], probed: readonly ProbedPage[]): CheckFailure[] {
  const byPath = new Map(probed.map((page) => [page.path, page]));
  const failures: CheckFailure[] = [];
  for (const check of checks) {
    const page = byPath.get(check.path)!;
    if (passes(check, page)) continue;
    failures.push({
      check: check.check,
      path: check.path,
      url: page.url,
      expected: describe(check),
      status: page.status,
      ...(page.error ? { error: page.error } : {}),
    });
  }
  return failures;
}

function passes(check: PlannedCheck, page: ProbedPage): boolean {
  if (page.error !== undefined || page.status >= 500) return false;
  if (check.status !== undefined && page.status !== check.status) return false;
  if (check.contains === undefined) return true;
  return page.body.includes(check.contains) || page.body.includes(escapeHtml(check.contains));
}

function describe(check: PlannedCheck): string {
  if (check.status === undefined) return 'rendered without error, not 5xx';
  return check.contains === undefined
    ? `status ${check.status}`
    : `status ${check.status} containing ${JSON.stringify(check.contains)}`;
}
