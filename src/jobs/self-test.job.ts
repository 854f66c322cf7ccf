import * as os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineJob } from './job-definition';
import { JobKind } from './job-names';

export const selfTestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { sleepMs: { type: 'integer', minimum: 0, maximum: 600000, default: 0 } },
};
export interface SelfTestBody {
  sleepMs: number;
}

/** A job with no site that proves a worker takes jobs from the queue, and tells which process ran it. */
export const selfTestJob = defineJob<SelfTestBody>({
  kind: JobKind.SelfTest,
  steps: [
    { name: 'wait', run: ({ params }) => sleep(Number(params.sleepMs ?? 0)) },
    {
      name: 'record',
      run: ({ record }) => record({ result: { processedBy: { pid: process.pid, host: os.hostname() } } }),
    },
  ],
});
