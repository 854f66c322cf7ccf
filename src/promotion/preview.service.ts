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
import {
  type SelectedChange,
  selectedCandidate,
  SelectiveCandidate,
  type SelectiveClosure,
} from './selective-candidate';
import { type Selection, selectionHash } from './selection';
import type { LaunchCheck, Severity } from '../../libs/launch-checks';
import { LaunchChecksService } from './launch-checks.service';
import { ChangedEntry, ComparedStates, PreviewRepository, TypeSummary } from './preview.repository';

// The preview lists this many checks (errors first); `checkSummary` counts them all.
const CHECKS_SHOWN = 500;
// A selective preview lists this much of its closure; `closureTotal` says how many changes it ships.
const CLOSURE_SHOWN = 1000;

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
  /** A selective preview's: null for a selected entity, else the entity that needs it. */
  includedBecause?: { type: string; key: string } | null;
}

/** What a selective preview adds: the selection, and the closure it ships over production's head. */
export interface PreviewSelection {
  entities: Selection['entities'];
  types: Selection['types'];
  /** Changes the selection names (directly or by type), and those it brings because they are needed. */
  selected: number;
  needed: number;
  /** Every change the candidate ships, in (type, key) order (the first 1,000). */
  closure: {
    type: string;
    key: string;
    op: string;
    requested: boolean;
    includedBecause: { type: string; key: string } | null;
  }[];
  closureTotal: number;
  /** Named entities staging and production already have alike. */
  unchanged: { type: string; key: string }[];
  /** References the candidate would leave dangling: promoting it answers 409 dangling_references. */
  dangling: { type: string; key: string; refType: string; refKey: string }[];
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
  /** Only in a preview of a selection. */
  selection?: PreviewSelection;
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
    private readonly selective: SelectiveCandidate,
  ) {}

  /** The diff of a promotion: of staging's whole promotable manifest, or with `selection`, of that selection. */
  async preview(site: Site, query: PreviewQuery, selection?: Selection): Promise<Preview> {
    if (query.type !== undefined && !isContentType(query.type))
      throw new AppError('validation_failed', `"${query.type.slice(0, 50)}" is not a content type.`, [
        { path: 'query.type', message: 'must be a content type' },
      ]);
    const after = decodeCursor(changeCursor, query.cursor);
    if (selection) return this.selectivePreview(site, query, after, selection);
    // One snapshot for everything read: the fingerprint names exactly the manifests the diff compared.
    return this.transactions.run({ isolation: 'REPEATABLE READ' }, async (tx) => {
      const { fingerprint, stagingVersion, productionVersion, baseStateId } = await this.current(tx, site.id);
      const states = { headStateId: fingerprint.headStateId, baseStateId };
      const { summary: summaries, changes: entries } = await this.previews.summaryAndChanges(tx, site.id, states, {
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

  /**
   * The diff production's head → head plus the selection's closure: the closure is the diff, so no join of the
   * whole manifests. Its fingerprint carries the selection's hash; its report is the candidate's (see checks).
   */
  private selectivePreview(
    site: Site,
    query: PreviewQuery,
    after: { type: string; key: string } | undefined,
    selection: Selection,
  ): Promise<Preview> {
    return this.transactions.run({ isolation: 'REPEATABLE READ' }, async (tx) => {
      const { fingerprint, stagingVersion, productionVersion, baseStateId } = await this.current(tx, site.id);
      const states = { headStateId: fingerprint.headStateId, baseStateId };
      const closure = await this.selective.closure(tx, site.id, states, selection);
      const listed = closure.changes.filter(
        (c) =>
          (query.type === undefined || c.type === query.type) &&
          (!after || c.type > after.type || (c.type === after.type && c.key > after.key)),
      );
      const page = keysetPage(listed.slice(0, query.limit + 1), query.limit, changeCursor, ({ type, key }) => ({
        type,
        key,
      }));
      const described = await this.describe(tx, page.items.map(toChangedEntry));
      const report = await this.launchChecks.report(tx, site.id, fingerprint, selectedCandidate(closure));
      const checks = await this.selective.checks(tx, site.id, fingerprint.headStateId, closure, report);
      const head = await this.previews.entityCount(tx, fingerprint.headStateId);
      return {
        fingerprint: formatFingerprint({ ...fingerprint, selection: selectionHash(selection) }),
        staging: { version: stagingVersion },
        production: { version: productionVersion, stateId: fingerprint.headStateId },
        summary: summarizeClosure(closure, head),
        changes: described.map((change, i) => ({ ...change, includedBecause: page.items[i].includedBecause })),
        nextCursor: page.nextCursor,
        checks: checks.slice(0, CHECKS_SHOWN),
        checkSummary: countBySeverity(checks),
        selection: {
          entities: selection.entities,
          types: selection.types,
          selected: closure.changes.filter((c) => c.requested).length,
          needed: closure.changes.filter((c) => !c.requested).length,
          closure: closure.changes.slice(0, CLOSURE_SHOWN).map(({ type, key, op, requested, includedBecause }) => ({
            type,
            key,
            op,
            requested,
            includedBecause,
          })),
          closureTotal: closure.changes.length,
          unchanged: closure.unchanged,
          dangling: await this.selective.dangling(tx, site.id, fingerprint.headStateId, selection, closure),
        },
      };
    });
  }

  async totals(tx: EntityManager, siteId: string, states: ComparedStates): Promise<Omit<Preview['summary'], 'byType'>> {
    const { byType: _byType, ...totals } = summarize(await this.previews.summary(tx, siteId, states));
    return totals;
  }

  /** How many entities a state holds (production's head: what a selective candidate keeps or changes). */
  entityCount(tx: EntityManager, stateId: number): Promise<number> {
    return this.previews.entityCount(tx, stateId);
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

const toChangedEntry = (c: SelectedChange): ChangedEntry => ({
  type: c.type,
  key: c.key,
  stagingRevisionId: c.stagingRevisionId,
  productionRevisionId: c.productionRevisionId,
  stagingVersion: c.stagingVersion,
  productionVersion: c.productionVersion,
  drift: c.drift,
  baseRevisionId: c.driftRevisionId,
});

/** Counts of a selective candidate against production's head (which holds `headCount` entities). */
export function summarizeClosure(closure: SelectiveClosure, headCount: number): Preview['summary'] {
  const summary: Preview['summary'] = { added: 0, changed: 0, removed: 0, unchanged: 0, drift: 0, byType: {} };
  for (const change of closure.changes) {
    const counts = (summary.byType[change.type] ??= { added: 0, changed: 0, removed: 0, unchanged: 0, drift: 0 });
    counts[change.op]++;
    summary[change.op]++;
    if (change.drift) {
      counts.drift++;
      summary.drift++;
    }
  }
  summary.unchanged = headCount - summary.changed - summary.removed;
  return summary;
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
