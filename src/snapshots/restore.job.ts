import { AppError } from '../platform/errors/app-error';
import { defineJob } from '../jobs/job-definition';
import { JobKind } from '../jobs/job-names';
import { finishSwapStep, releaseSwapLease, swapStep } from '../states/swap-step';
import { StatesService } from '../states/states.service';
import { SnapshotsService } from './snapshots.service';

export interface RestoreParams {
  snapshotId: string;
  label: string;
  /** Production's head when the restore was asked for: the swap compares against it. */
  baseStateId: number;
}

/** Rolls production back to a snapshot: a new state with the snapshot's content, then the same swap as promotion. */
export const restoreJob = defineJob<RestoreParams>({
  kind: JobKind.Restore,
  steps: [
    {
      name: 'build-state',
      transaction: { contentLock: 'shared' },
      async run({ use, tx, siteId, job, params, record }) {
        const snapshot = await use(SnapshotsService).find(params.snapshotId, tx);
        if (!snapshot) throw new AppError('not_found', 'The snapshot was deleted before it could be restored.');
        const states = use(StatesService);
        const state = await states.create(tx, siteId, 'restore', job.id);
        if (!state.built) await states.fillFromState(tx, state.id, snapshot.stateId, params.baseStateId);
        await record({ snapshotId: snapshot.id, result: { stateId: state.id } }, tx);
        return state.id;
      },
    },
    swapStep<RestoreParams>('Restoring a snapshot', (ctx) => ctx.params.baseStateId),
    finishSwapStep<RestoreParams>('restore.succeeded', ({ params, job }) => ({
      snapshotId: params.snapshotId,
      fromVersion: job.fromVersion,
    })),
  ],
  onFailed: releaseSwapLease,
});
