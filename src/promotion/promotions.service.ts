import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../platform/validation/keyset-cursor';
import { toJobDto, type JobDto } from '../jobs/job.dto';
import { JobKind } from '../jobs/job-names';
import type { JobStatus } from '../jobs/job.types';
import { JobsService } from '../jobs/jobs.service';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { StatesService } from '../states/states.service';
import type { Site } from '../sites/site.types';
import { assertCandidateValid } from './candidate-validation';
import { CandidateRepository } from './candidate.repository';
import { type Fingerprint, formatFingerprint, pairOf, parseFingerprint, sameFingerprint } from './fingerprint';
import type { LaunchCheck } from '../../libs/launch-checks';
import type { PromotionParams } from './promotion.job';
import type { ComparedStates } from './preview.repository';
import { PreviewService } from './preview.service';
import { parseRunAt } from './run-at';
import { ReleaseGates } from '../release-gates/release-gates.service';
import { VariablesService } from '../variables/variables.service';
import { LaunchChecksService } from './launch-checks.service';
import { selectedCandidate, SelectiveCandidate, type SelectiveClosure } from './selective-candidate';
import { normalizeSelection, type Selection, selectionHash } from './selection';
import { summarizeClosure } from './preview.service';

export interface StartPromotionBody {
  fingerprint: string;
  snapshot?: boolean;
  note?: string;
  /** Schedule it: an ISO date-time, local to `timeZone` when it has no offset. */
  runAt?: string;
  timeZone?: string;
  /** An owner's reason to promote inside a freeze window. */
  override?: string;
  /** The editor saw that production changed entities since staging was in step, and overwrites them. */
  acknowledgeDrift?: boolean;
  /** Codes of error launch checks the editor promotes over. */
  acknowledgeChecks?: string[];
  /** A selective promotion: the selection of the preview whose fingerprint this is. */
  select?: unknown;
}

// Enough entities for the console to name them; `total` says how many there are in all.
const DRIFT_DETAILS_LIMIT = 100;

@Injectable()
export class PromotionsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly previews: PreviewService,
    private readonly states: StatesService,
    private readonly candidate: CandidateRepository,
    private readonly snapshots: SnapshotsService,
    private readonly gates: ReleaseGates,
    private readonly variables: VariablesService,
    private readonly launchChecks: LaunchChecksService,
    private readonly selective: SelectiveCandidate,
  ) {}

  /**
   * Starts a promotion of what the editor reviewed. A stale fingerprint is refused with the fresh preview;
   * a repeated click with the same fingerprint gets the same job; any other open job of the site is a 409.
   * Then the release gates: no freeze window now (unless an owner overrides it), enough approvals by others.
   * With `runAt` it is scheduled instead (see `schedule`).
   */
  async start(site: Site, body: StartPromotionBody, principal: Principal, requestId?: string): Promise<JobDto> {
    const seen = parseFingerprint(body.fingerprint);
    if (!seen)
      throw new AppError('validation_failed', 'The fingerprint is not one a preview gave.', [
        { path: 'body.fingerprint', message: 'must come from GET …/promotion/preview' },
      ]);
    const selection = body.select === undefined ? undefined : normalizeSelection(body.select, 'body.select');
    if (body.runAt !== undefined) return this.schedule(site, seen, selection, body, principal, requestId);
    if (body.timeZone !== undefined)
      throw new AppError('validation_failed', 'timeZone only applies to a scheduled promotion.', [
        { path: 'body.timeZone', message: 'needs runAt' },
      ]);
    const fingerprint = formatFingerprint(seen);
    return this.jobs.start(JobKind.Promotion, {
      siteId: site.id,
      principal,
      requestId,
      reuseIf: (open) => open.kind === JobKind.Promotion && open.params.fingerprint === fingerprint,
      before: async (tx) => {
        const start = await this.fresh(tx, site, seen, selection);
        const closure = selection && (await this.selectiveCandidate(tx, site.id, start.states, selection));
        if (!body.acknowledgeDrift) await this.refuseDrift(tx, site.id, start.states, closure);
        const checks = await this.acknowledgedChecks(tx, site.id, seen, body, principal, closure);
        const gates = await this.releaseGates(tx, site, fingerprint, new Date(), body, principal);
        const summary = await this.summary(tx, site.id, start.states, closure);
        const params = { ...this.params(body, seen, summary, selection), ...gates, ...checks };
        return { fromVersion: start.fromVersion, params };
      },
      auditDetails,
    });
  }

  /**
   * A selection's closure over production's head, refused up front when it would dangle or lacks variables:
   * the job validates again, but the editor learns it from the click, not from a failed job.
   */
  private async selectiveCandidate(
    tx: EntityManager,
    siteId: string,
    states: ComparedStates,
    selection: Selection,
  ): Promise<SelectiveClosure> {
    const closure = await this.selective.closure(tx, siteId, states, selection);
    await this.selective.assertValid(tx, siteId, states.headStateId, selection, closure, this.variables);
    return closure;
  }

  private async summary(
    tx: EntityManager,
    siteId: string,
    states: ComparedStates,
    closure: SelectiveClosure | undefined,
  ): Promise<PromotionParams['summary']> {
    if (!closure) return this.previews.totals(tx, siteId, states);
    const { byType: _byType, ...totals } = summarizeClosure(
      closure,
      await this.previews.entityCount(tx, states.headStateId),
    );
    return totals;
  }

  /**
   * A promotion at `runAt` of exactly what was reviewed: the candidate is validated and built now, as an
   * immutable state pinned by the job, so staging edits made meanwhile do not go live. At most one per site;
   * it blocks nothing until it fires. The same request twice answers the same schedule.
   */
  private async schedule(
    site: Site,
    seen: Fingerprint,
    selection: Selection | undefined,
    body: StartPromotionBody,
    principal: Principal,
    requestId?: string,
  ): Promise<JobDto> {
    const runAt = parseRunAt(body.runAt!, body.timeZone);
    const fingerprint = formatFingerprint(seen);
    return this.jobs.start(JobKind.Promotion, {
      siteId: site.id,
      principal,
      requestId,
      runAt,
      // One snapshot for the check and the build: the pinned manifest is exactly the one the fingerprint names.
      transaction: { contentLock: 'shared', isolation: 'REPEATABLE READ' },
      reuseIf: (open) =>
        open.kind === JobKind.Promotion &&
        open.params.fingerprint === fingerprint &&
        open.runAt?.getTime() === runAt.getTime(),
      before: async (tx) => {
        const start = await this.fresh(tx, site, seen, selection);
        const closure = selection && (await this.selectiveCandidate(tx, site.id, start.states, selection));
        if (!body.acknowledgeDrift) await this.refuseDrift(tx, site.id, start.states, closure);
        const checks = await this.acknowledgedChecks(tx, site.id, seen, body, principal, closure);
        // Decided now, for runAt: a schedule is refused inside a freeze window, and needs its approvals now.
        const gates = await this.releaseGates(tx, site, fingerprint, runAt, body, principal);
        if (!selection)
          await assertCandidateValid(
            { candidate: this.candidate, variables: this.variables },
            tx,
            site.id,
            start.states.headStateId,
          );
        const params: PromotionParams = {
          ...this.params(body, seen, await this.summary(tx, site.id, start.states, closure), selection),
          ...gates,
          ...checks,
          pinned: true,
          ...(body.timeZone ? { timeZone: body.timeZone } : {}),
        };
        return { fromVersion: start.fromVersion, params: { ...params } };
      },
      afterInsert: async (tx, job) => {
        const state = await this.states.create(tx, site.id, 'promotion', job.id);
        const entities = selection
          ? await this.states.fillWithStagingSelection(tx, state.id, site.id, seen.headStateId, selection)
          : await this.states.fillFromStaging(tx, state.id, site.id, seen.headStateId);
        return { result: { stateId: state.id, entities } };
      },
      auditDetails: (params) => ({ ...auditDetails(params), timeZone: params.timeZone ?? null }),
    });
  }

  /** The freeze windows at `at` (an owner may override one) and the approvals the site requires (four-eyes). */
  private async releaseGates(
    tx: EntityManager,
    site: Site,
    fingerprint: string,
    at: Date,
    body: StartPromotionBody,
    principal: Principal,
  ): Promise<Pick<PromotionParams, 'approvals' | 'freezeOverride'>> {
    const overridden = this.gates.assertNotFrozen(
      site,
      at,
      body.override ? { reason: body.override, by: principal } : undefined,
    );
    const approvals = await this.gates.assertApproved(site, fingerprint, principal, tx);
    return {
      ...(approvals.length ? { approvals: approvals.map((a) => a.id) } : {}),
      ...(overridden ? { freezeOverride: { reason: body.override!.trim(), window: overridden } } : {}),
    };
  }

  /**
   * Puts back the state production had before this promotion, as a restore job (production's version + 1),
   * only while production still serves what the promotion put live; else 409 naming what moved it since.
   */
  async undo(site: Site, promotionId: string, principal: Principal, requestId?: string): Promise<JobDto> {
    const promotion = await this.jobs.findForSite(site.id, promotionId);
    if (!promotion || promotion.kind !== JobKind.Promotion)
      throw new AppError('not_found', `No promotion ${promotionId}.`);
    const { stateId, fromStateId } = promotion.result as { stateId?: number; fromStateId?: number };
    if (promotion.status !== 'succeeded' || stateId === undefined || fromStateId === undefined)
      throw new AppError(
        'undo_unavailable',
        `Only a promotion that succeeded can be undone (this one ${promotion.status}).`,
        [{ promotionId, status: promotion.status }],
      );
    return this.snapshots.restoreState(
      site,
      { stateId: fromStateId, label: `Undo of promotion ${promotionId}`, undoOf: promotionId },
      principal,
      requestId,
      async (production, tx) => {
        if (production.headStateId !== stateId) throw await this.moved(tx, promotionId, production);
      },
    );
  }

  /**
   * Takes these entities back to what production had before this promotion (whatever production holds now),
   * with what they refer to that production lacks: a restore job of just those entities.
   */
  async revertEntities(
    site: Site,
    promotionId: string,
    entities: { type: string; key: string }[],
    principal: Principal,
    requestId?: string,
  ): Promise<JobDto> {
    const promotion = await this.jobs.findForSite(site.id, promotionId);
    if (!promotion || promotion.kind !== JobKind.Promotion)
      throw new AppError('not_found', `No promotion ${promotionId}.`);
    const { fromStateId } = promotion.result as { fromStateId?: number };
    if (promotion.status !== 'succeeded' || fromStateId === undefined)
      throw new AppError(
        'revert_unavailable',
        `Only entities of a promotion that succeeded can be reverted (this one ${promotion.status}).`,
        [{ promotionId, status: promotion.status }],
      );
    const label = `Revert of ${entities.length} entit${entities.length === 1 ? 'y' : 'ies'} to before promotion ${promotionId}`;
    return this.snapshots.restoreState(site, { stateId: fromStateId, label, entities }, principal, requestId);
  }

  async history(site: Site, page: { limit: number; cursor?: string; status?: JobStatus }) {
    const rows = await this.jobs.listForSite(site.id, [JobKind.Promotion], {
      limit: page.limit + 1,
      before: decodeCursor(timeCursor, page.cursor),
      status: page.status,
    });
    const items = keysetPage(rows, page.limit, timeCursor, (job) => job.createdAt);
    return {
      items: items.items.map((job) => ({
        ...toJobDto(job),
        summary: job.params.summary ?? null,
        snapshot: job.params.snapshot ?? false,
        timeZone: job.params.timeZone ?? null,
      })),
      nextCursor: items.nextCursor,
    };
  }

  /**
   * Refuses (with the fresh preview) unless staging and production are still what the preview saw; answers
   * the states a diff compares (production's head, and staging's base for drift).
   */
  private async fresh(
    tx: EntityManager,
    site: Site,
    seen: Fingerprint,
    selection: Selection | undefined,
  ): Promise<{ fromVersion: number; states: ComparedStates }> {
    const now = await this.previews.current(tx, site.id);
    // The selection sent must be the one previewed: its hash is part of the fingerprint.
    const expected = selection ? { ...now.fingerprint, selection: selectionHash(selection) } : now.fingerprint;
    if (!sameFingerprint(expected, seen)) throw await this.stale(site, selection);
    const states = { headStateId: now.fingerprint.headStateId, baseStateId: now.baseStateId };
    return { fromVersion: now.productionVersion, states };
  }

  private params(
    body: StartPromotionBody,
    seen: Fingerprint,
    summary: PromotionParams['summary'],
    selection: Selection | undefined,
  ): PromotionParams {
    return {
      fingerprint: formatFingerprint(seen),
      snapshot: body.snapshot ?? false,
      ...(body.note ? { note: body.note } : {}),
      summary,
      ...(selection ? { select: selection } : {}),
    };
  }

  private async moved(
    tx: EntityManager,
    promotionId: string,
    production: { headStateId: number; version: number },
  ): Promise<AppError> {
    const head = await this.states.find(tx, production.headStateId);
    const jobId = head && (head.origin === 'promotion' || head.origin === 'restore') ? head.originId : null;
    return new AppError(
      'undo_unavailable',
      `Production changed since this promotion (it is at version ${production.version}, from ${head?.origin ?? 'another change'}); undo it by restoring a snapshot instead.`,
      [
        {
          promotionId,
          currentHead: {
            stateId: production.headStateId,
            version: production.version,
            origin: head?.origin ?? null,
            jobId,
          },
        },
      ],
    );
  }

  /** Error launch checks block unless acknowledged by code; what was acknowledged goes into the job's params. */
  private async acknowledgedChecks(
    tx: EntityManager,
    siteId: string,
    seen: Fingerprint,
    body: StartPromotionBody,
    principal: Principal,
    closure: SelectiveClosure | undefined,
  ): Promise<Pick<PromotionParams, 'acknowledgedChecks'>> {
    // A selective candidate's report is computed on it, plus its design warnings.
    const selection = closure && {
      ...selectedCandidate(closure),
      extend: (report: LaunchCheck[]) => this.selective.checks(tx, siteId, seen.headStateId, closure, report),
    };
    const acknowledged = await this.launchChecks.assertAcknowledged(
      tx,
      siteId,
      pairOf(seen),
      body.acknowledgeChecks,
      principal,
      selection,
    );
    return acknowledged ? { acknowledgedChecks: acknowledged } : {};
  }

  /** Production changed entities since staging was in step with it: overwriting them takes an acknowledgement. */
  private async refuseDrift(
    tx: EntityManager,
    siteId: string,
    states: ComparedStates,
    closure: SelectiveClosure | undefined,
  ): Promise<void> {
    const { total, entities } = closure
      ? driftedIn(closure)
      : await this.previews.drifted(tx, siteId, states, DRIFT_DETAILS_LIMIT);
    if (total === 0) return;
    throw new AppError(
      'production_drift',
      `Production changed ${total} entit${total === 1 ? 'y' : 'ies'} since staging was last in step with it; promoting overwrites ${total === 1 ? 'that change' : 'those changes'}. Adopt production's version, or promote with acknowledgeDrift: true.`,
      [{ total, entities }],
    );
  }

  private async stale(site: Site, selection?: Selection): Promise<AppError> {
    // The selection's fresh preview, or the whole one when the selection no longer previews (it changes nothing now).
    const fresh = await this.previews.preview(site, { limit: 50 }, selection).catch((error: unknown) => {
      if (selection && error instanceof AppError && error.status === 400)
        return this.previews.preview(site, { limit: 50 });
      throw error;
    });
    return new AppError('stale_preview', 'Staging or production changed since this preview: review the fresh diff.', [
      { preview: fresh },
    ]);
  }
}

function driftedIn(closure: SelectiveClosure): { total: number; entities: { type: string; key: string }[] } {
  const drifted = closure.changes.filter((c) => c.drift);
  return {
    total: drifted.length,
    entities: drifted.slice(0, DRIFT_DETAILS_LIMIT).map(({ type, key }) => ({ type, key })),
  };
}

const auditDetails = (params: Record<string, any>) => ({
  fingerprint: params.fingerprint,
  snapshot: params.snapshot,
  summary: params.summary,
  note: params.note ?? null,
  ...(params.approvals ? { approvals: params.approvals } : {}),
  ...(params.freezeOverride ? { freezeOverride: params.freezeOverride } : {}),
  ...(params.acknowledgedChecks ? { acknowledgedChecks: params.acknowledgedChecks } : {}),
  ...(params.select ? { select: params.select } : {}),
});
