import { consentChecks } from './consent';
import { indexingChecks } from './indexing';
import type { CandidateState, LaunchCheck, LaunchState, Severity } from './launch-check';
import { linkChecks } from './link-checks';
import { redirectChecks } from './redirects';
import { robotsChecks } from './robots';
import { removedUrlChecks, sitemapChecks } from './served-urls';

/**
 * The launch report of promoting `candidate` over `production`: a pure function of the two states, so it can
 * be cached per pair. Errors first, then warnings, then information; within one, by code, type and key.
 */
export function launchChecks(candidate: CandidateState, production: LaunchState): LaunchCheck[] {
  return sortChecks([
    ...removedUrlChecks(candidate, production),
    ...robotsChecks(candidate, production),
    ...indexingChecks(candidate, production),
    ...linkChecks(candidate),
    ...redirectChecks(candidate),
    ...consentChecks(candidate, production),
    ...sitemapChecks(candidate, production),
  ]);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortChecks(checks: LaunchCheck[]): LaunchCheck[] {
  const text = (c: LaunchCheck) => `${c.code}\u0000${c.type}\u0000${c.key}`;
  return checks.sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0),
  );
}
