import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { EntityManager } from 'typeorm';
import { describeChange, type Change, type Delta } from '../../libs/diff-engine';
import { isContentType, validateKey } from '../../libs/content-model';
import { AppError } from '../platform/errors/app-error';
import { type CursorCodec, decodeCursor, keysetPage } from '../platform/validation/keyset-cursor';
import type { Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import { type Fingerprint, fingerprintOf, formatFingerprint } from './fingerprint';
import type { LaunchCheck, Severity } from '../../libs/launch-checks';
import { LaunchChecksService } from './launch-checks.service';
import { ChangedEntry, ComparedStates, PreviewRepository, TypeSummary } from './preview.repository';

// The preview lists this many checks (errors first); `checkSummary` counts them all.
const CHECKS_SHOWN = 500;

/** A change as the diff engine describes it, with the whole body when the entity was added or removed. */
export interface BodyChange {
  op: 'added' | 'changed' | 'removed';
  delta?: Delta;
  data?: unknown;
}

export interface PreviewChange {
  type: string;
  key: string;
  op: 'added' | 'changed' | 'removed';
  delta?: Delta;
  /** The whole body for an added (staging's) or removed (production's) entity. */
  data?: unknown;
  staging: { version: number | null };
  production: { version: number | null };
  /** Production changed this entity since staging was last in step with it; promoting overwrites that. */
  drift: boolean;
  /** With drift: what production changed, from staging's base state to production's head. */
  productionChange?: BodyChange;
}

export interface Preview {
  fingerprint: string;
  staging: { version: number };
  production: { version: number; stateId: number };
  summary: {
    added: number;
    changed: number;
    removed: number;
    unchanged: number;
    drift: number;
    byType: Record<string, Omit<TypeSummary, 'type'>>;
  };
  changes: PreviewChange[];
  nextCursor: string | null;
  /** The launch report: what promoting this pair would break or change for visitors and search engines. */
  checks: LaunchCheck[];
  checkSummary: Record<Severity, number>;
}

export interface PreviewQuery {
  limit: number;
  cursor?: string;
  type?: string;
}

/** What a promotion would change, and the fingerprint of exactly the two manifests compared. */
@Injectable()
export class PreviewService {
  constructor(
    private readonly transactions: Transactions,
    private readonly previews: PreviewRepository,
    private readonly environments: EnvironmentsService,
    private readonly launchChecks: LaunchChecksService,
  ) {}

  async preview(site: Site, query: PreviewQuery): Promise<Preview> {
    if (query.type !== undefined && !isContentType(query.type))
      throw new AppError('validation_failed', `"${query.type.slice(0, 50)}" is not a content type.`, [
        { path: 'query.type', message: 'must be a content type' },
      ]);
    const after = decodeCursor(changeCursor, query.cursor);
    // One snapshot for everything read: the fingerprint names exactly the manifests the diff compared.
    return this.transactions.run({ isolation: 'REPEATABLE READ' }, async (tx) => {
      const { fingerprint, stagingVersion, productionVersion, baseStateId } = await this.current(tx, site.id);
      const states = { headStateId: fingerprint.headStateId, baseStateId };
      const summaries = await this.previews.summary(tx, site.id, states);
      const entries = await this.previews.changes(tx, site.id, states, {
        limit: query.limit + 1,
        after,
        type: query.type,
      });
      const page = keysetPage(entries, query.limit, changeCursor, ({ type, key }) => ({ type, key }));
      const checks = await this.launchChecks.report(tx, site.id, fingerprint);
      return {
        fingerprint: formatFingerprint(fingerprint),
        staging: { version: stagingVersion },
        production: { version: productionVersion, stateId: fingerprint.headStateId },
        summary: summarize(summaries),
        changes: await this.describe(tx, page.items),
        nextCursor: page.nextCursor,
        checks: checks.slice(0, CHECKS_SHOWN),
        checkSummary: countBySeverity(checks),
      };
    });
  }

  async totals(tx: EntityManager, siteId: string, states: ComparedStates): Promise<Omit<Preview['summary'], 'byType'>> {
    const { byType: _byType, ...totals } = summarize(await this.previews.summary(tx, siteId, states));
    return totals;
  }

  /** The entities a promotion would overwrite production's own changes of (the first `limit`), and how many. */
  drifted(tx: EntityManager, siteId: string, states: ComparedStates, limit: number) {
    return this.previews.drifted(tx, siteId, states, limit);
  }

  /**
   * The fingerprint of staging and production as they are now (in the caller's transaction), and staging's base.
   * The base needs no place in the fingerprint: it moves only with a reset (which moves staging's change
   * sequence) or a promotion (which moves production's head).
   */
  async current(
    tx: EntityManager,
    siteId: string,
  ): Promise<{
    fingerprint: Fingerprint;
    stagingVersion: number;
    productionVersion: number;
    baseStateId: number | null;
  }> {
    const environments = await this.environments.findForSites([siteId], tx);
    const staging = environments.find((e) => e.name === 'staging')!;
    return { ...fingerprintOf(environments), baseStateId: staging.baseStateId };
  }

  private async describe(tx: EntityManager, entries: ChangedEntry[]): Promise<PreviewChange[]> {
    // The base's bodies only for drifted entities: production's own change is diffed like staging's.
    const ids = entries
      .flatMap((e) => [e.stagingRevisionId, e.productionRevisionId, e.drift ? e.baseRevisionId : null])
      .filter((id): id is string => id !== null);
    const bodies = await this.previews.bodies(tx, [...new Set(ids)]);
    const body = (id: string | null) => (id ? bodies.get(id) : undefined);
    return entries.map((entry) => {
      const production = body(entry.productionRevisionId);
      return {
        type: entry.type,
        key: entry.key,
        ...bodyChange(production, body(entry.stagingRevisionId)),
        staging: { version: entry.stagingVersion },
        production: { version: entry.productionVersion },
        drift: entry.drift,
        ...(entry.drift ? { productionChange: bodyChange(body(entry.baseRevisionId), production) } : {}),
      };
    });
  }
}

/** From `left` to `right` (undefined: absent on that side), with the whole body for an added or removed one. */
function bodyChange(left: unknown, right: unknown): BodyChange {
  // Different revisions always mean different canonical bodies, so a change is never null here.
  const change: Change = describeChange(left, right) ?? { op: 'changed', delta: undefined };
  return change.op === 'changed'
    ? { op: change.op, delta: change.delta }
    : { op: change.op, data: change.op === 'added' ? right : left };
}

function countBySeverity(checks: LaunchCheck[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const check of checks) counts[check.severity]++;
  return counts;
}

function summarize(rows: TypeSummary[]): Preview['summary'] {
  const summary: Preview['summary'] = { added: 0, changed: 0, removed: 0, unchanged: 0, drift: 0, byType: {} };
  for (const { type, ...counts } of rows) {
    summary.added += counts.added;
    summary.changed += counts.changed;
    summary.removed += counts.removed;
    summary.unchanged += counts.unchanged;
    summary.drift += counts.drift;
    summary.byType[type] = counts;
  }
  return summary;
}

// The diff is ordered by (type, key): the last change's pair is where the next page starts.
const changeCursor: CursorCodec<{ type: string; key: string }> = {
  encode: ({ type, key }) => Buffer.from(`${type}/${key}`).toString('base64url'),
  decode: (cursor) => {
    const [type, key, ...rest] = Buffer.from(cursor, 'base64url').toString().split('/');
    return isContentType(type) && key && !validateKey(key) && rest.length === 0 ? { type, key } : undefined;
  },
};
