import type { EntityManager } from 'typeorm';
import { AppError } from '../platform/errors/app-error';
import { defineJob, type JobContext } from '../jobs/job-definition';
import { JobKind } from '../jobs/job-names';
import { finishSwapStep, releaseSwapLease, swapStep } from '../states/swap-step';
import { StatesService } from '../states/states.service';
import { SnapshotsService } from './snapshots.service';

export interface RestoreParams {
  label: string;
  /** Production's head when the restore was asked for: the swap compares against it. */
  baseStateId: number;
  /** What production goes back to: a snapshot, or (an undo) the state production had before a promotion. */
  snapshotId?: string;
  stateId?: number;
  /** The promotion an undo undoes. */
  undoOf?: string;
  /** A revert: only these entities (and what they need that production lacks) come from the source. */
  entities?: { type: string; key: string }[];
}

/** The state to restore, still there (a snapshot may be deleted meanwhile). */
async function sourceState({ use, params }: JobContext<RestoreParams>, tx: EntityManager): Promise<number> {
  if (params.snapshotId) {
    const snapshot = await use(SnapshotsService).find(params.snapshotId, tx);
    if (!snapshot) throw new AppError('not_found', 'The snapshot was deleted before it could be restored.');
    return snapshot.stateId;
  }
  if (!(await use(StatesService).find(tx, params.stateId!)))
    throw new AppError('not_found', 'The state to restore no longer exists.', [{ stateId: params.stateId }]);
  return params.stateId!;
}

/** A revert must not leave production referring to what it no longer holds. */
async function assertNothingDangles(states: StatesService, tx: EntityManager, stateId: number): Promise<void> {
  const dangling = await states.dangling(tx, stateId, 100);
  if (dangling.length)
    throw new AppError(
      'dangling_references',
      'Reverting these entities would leave references to entities neither production nor the snapshot has.',
      dangling,
    );
}

/**
 * Rolls production back to a snapshot or to the state before a promotion (an undo): a new state with that
 * content (or, a revert, production's head with some entities from it), versions counted on (production's
 * version + 1), then the same swap as promotion.
 */
export const restoreJob = defineJob<RestoreParams>({
  kind: JobKind.Restore,
  steps: [
    {
      name: 'build-state',
      transaction: { contentLock: 'shared' },
      async run(ctx) {
        const { use, tx, siteId, job, params, record } = ctx;
        const source = await sourceState(ctx, tx);
        const states = use(StatesService);
        const state = await states.create(tx, siteId, 'restore', job.id);
        let reverted: Awaited<ReturnType<StatesService['fillWithEntitiesOf']>> | undefined;
        if (!state.built && params.entities) {
          reverted = await states.fillWithEntitiesOf(tx, state.id, params.baseStateId, source, params.entities);
          await assertNothingDangles(states, tx, state.id);
        } else if (!state.built) await states.fillFromState(tx, state.id, source, params.baseStateId);
        await record(
          {
            ...(params.snapshotId ? { snapshotId: params.snapshotId } : {}),
            result: { stateId: state.id, ...(reverted ? { reverted } : {}) },
          },
          tx,
        );
        return state.id;
      },
    },
    swapStep<RestoreParams>('Restoring an earlier version', (ctx) => ctx.params.baseStateId),
    finishSwapStep<RestoreParams>(
      'restore.succeeded',
      ({ params, job }) => ({
        snapshotId: params.snapshotId ?? null,
        ...(params.undoOf ? { undoOf: params.undoOf } : {}),
        ...(params.entities ? { entities: params.entities } : {}),
        fromVersion: job.fromVersion,
      }),
      ({ params, job }, done) =>
        params.undoOf
          ? {
              action: 'promotion.rolled_back',
              subject: params.undoOf,
              details: { restoreJobId: job.id, toVersion: done.swap.productionVersion },
            }
          : null,
    ),
  ],
  onFailed: releaseSwapLease,
});
