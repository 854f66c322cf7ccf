import { setTimeout as sleep } from 'node:timers/promises';
import type { ModuleRef } from '@nestjs/core';
import { fileDatabase, type FileDatabase } from '../../test/file-database';
import type { RuntimeConfig } from '../platform/config/runtime-config';
import { Transactions } from '../platform/database/transactions';
import { CrashPoints } from './crash-points';
import { defineJob } from './job-definition';
import type { JobEvents } from './job-events';
import { JobHeartbeat } from './job-heartbeat';
import { JobKind } from './job-names';
import { JobRunner } from './job-runner';
import { plannedSteps } from './job-steps';
import { JobsRepository } from './jobs.repository';

describe('JobRunner with a live heartbeat (a database of its own)', () => {
  let database: FileDatabase;
  let runner: JobRunner;
  let transactions: Transactions;
  const jobs = new JobsRepository();
  // Notifications go to Redis for other nodes' streams; nothing here listens.
  const events = { publish: async () => {} } as unknown as JobEvents;

  beforeAll(async () => {
    database = await fileDatabase('job_runner');
    transactions = new Transactions(database.dataSource);
    const crash = new CrashPoints({ crashAt: undefined } as unknown as RuntimeConfig);
    runner = new JobRunner({} as ModuleRef, transactions, jobs, events, crash);
  });
  afterAll(() => database.close());

  // A 100,000-entity promotion's build-state step runs for seconds in one repeatable-read transaction and
  // then records its success on the job row, which the heartbeat had updated every second meanwhile.
  it('runs a repeatable-read step longer than several beats, and beats again after it', async () => {
    const job = await jobs.insert(transactions.autocommit, {
      siteId: null,
      kind: JobKind.SelfTest,
      params: {},
      actor: { actor: 'spec', role: 'admin' },
      steps: plannedSteps(['long', 'after']),
    });
    await jobs.markRunning(transactions.autocommit, job.id);
    const beatsDuring: number[] = [];
    let beats = 0;
    const heartbeat = new JobHeartbeat(async () => {
      beats++;
      await jobs.beat(transactions.autocommit, job.id);
    }, 20);
    const definition = defineJob({
      kind: JobKind.SelfTest,
      steps: [
        {
          name: 'long',
          transaction: { contentLock: 'shared', isolation: 'REPEATABLE READ' },
          run: async ({ tx }) => {
            const before = beats;
            await tx.query('select count(*) from jobs'); // the snapshot is taken by now
            await sleep(300);
            beatsDuring.push(beats - before);
            return { built: true };
          },
        },
        { name: 'after', run: () => sleep(100) },
      ],
    });
    heartbeat.start();
    try {
      await runner.run(definition, (await jobs.find(transactions.autocommit, job.id))!, heartbeat);
    } finally {
      heartbeat.stop();
    }
    const row = await jobs.find(transactions.autocommit, job.id);
    expect(row!.steps.map((s) => [s.name, s.status])).toEqual([
      ['long', 'succeeded'],
      ['after', 'succeeded'],
    ]);
    expect(row!.steps[0].output).toEqual({ built: true });
    expect(beatsDuring).toEqual([0]);
    expect(beats).toBeGreaterThan(0); // it beat again during the step that followed
  });
});
