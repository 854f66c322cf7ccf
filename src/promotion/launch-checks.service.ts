import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { type CheckCode, type LaunchCheck, launchChecks, sortChecks, variableChecks } from '../../libs/launch-checks';
import type { Principal } from '../auth/principal';
import { ContentService } from '../content/content.service';
import type { EntityDto } from '../content/content.types';
import { EnvironmentsService } from '../environments/environments.service';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import type { Site } from '../sites/site.types';
import { VariablesService } from '../variables/variables.service';
import { CandidateRepository } from './candidate.repository';
import { type Fingerprint, fingerprintOf, formatFingerprint } from './fingerprint';
import { LaunchChecksRepository, type ShippedEntities } from './launch-checks.repository';

/** What a promotion that went ahead over error checks records: which, and who acknowledged them. */
export interface AcknowledgedChecks {
  codes: CheckCode[];
  checks: { code: CheckCode; type: string; key: string }[];
  total: number;
  by: { actor: string; role: string };
}

/** The part of a report that depends on the two manifests only, so it is the same for a fingerprint. */
interface ManifestReport {
  checks: LaunchCheck[];
  variablesUsed: string[];
}

/** A selective candidate, for its report: what it takes from staging, and the variables that content uses. */
export interface SelectedCandidate {
  shipped: ShippedEntities;
  variables: readonly string[];
}

// A selection's report is kept under its shipped set, hashed to a short key.
const selectionKey = (selection: SelectedCandidate) =>
  createHash('sha256')
    .update(
      selection.shipped
        .map((e) => `${e.type}/${e.key}`)
        .sort()
        .join('\n'),
    )
    .digest('base64url')
    .slice(0, 22);

// Reports are kept by fingerprint (site, staging's change sequence, production's head): immutable pairs, so an
// entry never goes stale. Bounded by the number of checks they hold, not by count, as a site's can be long.
const CACHE_CHECKS = 200_000;
// What a refusal or an audit entry lists; `total` says how many there are.
const LISTED = 100;

/**
 * The launch report of a promotion: SEO, links, files, redirects and consent of the candidate against
 * production's head (libs/launch-checks, cached per fingerprint), plus the variables production lacks (read
 * live: variables are not part of a state). Error checks block a promotion unless it acknowledges their codes.
 */
@Injectable()
export class LaunchChecksService {
  private readonly cache = new LRUCache<string, ManifestReport>({
    maxSize: CACHE_CHECKS,
    sizeCalculation: (report) => report.checks.length + report.variablesUsed.length + 1,
  });

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: LaunchChecksRepository,
    private readonly candidate: CandidateRepository,
    private readonly variables: VariablesService,
    private readonly environments: EnvironmentsService,
    private readonly content: ContentService,
  ) {}

  /** The report for the pair `fingerprint` names, read in the caller's transaction (which must see that pair). */
  async report(
    tx: EntityManager,
    siteId: string,
    fingerprint: Fingerprint,
    selection?: SelectedCandidate,
  ): Promise<LaunchCheck[]> {
    const cacheKey = `${siteId}/${formatFingerprint(fingerprint)}${selection ? `/${selectionKey(selection)}` : ''}`;
    let report = this.cache.get(cacheKey);
    if (!report) {
      const shipped = selection?.shipped;
      const { candidate, production } = await this.repository.load(tx, siteId, fingerprint.headStateId, shipped);
      report = {
        checks: launchChecks(candidate, production),
        variablesUsed: selection ? [...selection.variables] : await this.candidate.variablesUsed(tx, siteId),
      };
      this.cache.set(cacheKey, report);
    }
    if (!report.variablesUsed.length) return report.checks;
    const defined = await this.variables.definedNames(siteId, 'production');
    return sortChecks([...report.checks, ...variableChecks(report.variablesUsed, defined)]);
  }

  /**
   * Refuses (409 launch_checks_failed, listing them) while the report has error checks whose codes are not
   * acknowledged; answers what was acknowledged, for the job and its audit entry (nothing when none applied).
   * A selective candidate's report is its own (`selection`); `extend` adds checks only it knows of.
   */
  async assertAcknowledged(
    tx: EntityManager,
    siteId: string,
    fingerprint: Fingerprint,
    acknowledged: readonly string[] = [],
    principal: Principal,
    selection?: SelectedCandidate & { extend(checks: LaunchCheck[]): Promise<LaunchCheck[]> },
  ): Promise<AcknowledgedChecks | undefined> {
    const report = await this.report(tx, siteId, fingerprint, selection);
    const errors = (selection ? await selection.extend(report) : report).filter((c) => c.severity === 'error');
    const codes = new Set(acknowledged);
    const blocking = errors.filter((c) => !codes.has(c.code));
    if (blocking.length)
      throw new AppError(
        'launch_checks_failed',
        `${blocking.length} launch check${blocking.length === 1 ? '' : 's'} failed (${[...new Set(blocking.map((c) => c.code))].join(', ')}): fix ${blocking.length === 1 ? 'it' : 'them'}, or promote with acknowledgeChecks naming the codes.`,
        blocking.slice(0, LISTED),
      );
    if (!errors.length) return undefined;
    return {
      codes: [...new Set(errors.map((c) => c.code))],
      checks: errors.slice(0, LISTED).map(({ code, type, key }) => ({ code, type, key })),
      total: errors.length,
      by: { actor: principal.actor, role: principal.role },
    };
  }

  /**
   * Applies the fix of a check of the current report: a staging write through the normal write path (so it is
   * versioned and audited like an editor's own). 409 check_not_found when the current report has no such check.
   */
  async fix(
    site: Site,
    wanted: { code: string; type: string; key: string },
    ctx: { principal: Principal; requestId?: string },
  ): Promise<{ check: LaunchCheck; entity: EntityDto }> {
    const checks = await this.transactions.run({ isolation: 'REPEATABLE READ' }, async (tx) => {
      const { fingerprint } = fingerprintOf(await this.environments.findForSites([site.id], tx));
      return this.report(tx, site.id, fingerprint);
    });
    const found = checks.find((c) => c.code === wanted.code && c.type === wanted.type && c.key === wanted.key);
    if (!found)
      throw new AppError(
        'check_not_found',
        'The current launch report has no such check (it may be fixed already): review the fresh preview.',
        [wanted],
      );
    if (!found.fix)
      throw new AppError('check_not_fixable', 'This check has no automatic fix: change the content it names.', [
        wanted,
      ]);
    const { entity } = await this.content.put(site, found.fix.type, found.fix.key, found.fix.data, ctx);
    return { check: found, entity };
  }
}
