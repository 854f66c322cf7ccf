import { jobEvents } from './follow-job';
import { Refusal } from './outcome';
import type { Job } from './types';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
const job = (status: string, progress: number, step: string | null = null) => ({
  id: 'j1',
  kind: 'promotion',
  status,
  progress,
  step,
});

describe('following a job', () => {
  it('reads the job events of a stream, split anywhere between chunks', async () => {
    const first = `event: job\ndata: ${JSON.stringify(job('running', 10, 'checkFingerprint'))}\n\n`;
    const second = `event: job\ndata: ${JSON.stringify(job('succeeded', 100))}\n\n`;
    const seen: Job[] = [];
    for await (const j of jobEvents(
      streamOf(first.slice(0, 7), first.slice(7) + second.slice(0, 20), second.slice(20)),
    ))
      seen.push(j);
    expect(seen.map((j) => [j.status, j.progress])).toEqual([
      ['running', 10],
      ['succeeded', 100],
    ]);
  });

  it('ends with a refusal when the token is revoked', async () => {
    const revoked = `event: revoked\ndata: {"error":{"code":"unauthenticated","message":"The token was revoked."}}\n\n`;
    const events = jobEvents(streamOf(revoked));
    await expect(events.next()).rejects.toEqual(
      new Refusal({ code: 'unauthenticated', message: 'The token was revoked.' }),
    );
  });
});
