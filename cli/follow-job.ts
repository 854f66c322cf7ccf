import { setTimeout as sleep } from 'node:timers/promises';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { ApiClient } from './api-client';
import { Refusal } from './outcome';
import { requests } from './requests';
import { FINAL_STATUSES, type Job } from './types';

const POLL_MS = 1000;

/** The jobs of a `GET /api/jobs/:id/events` body; a `revoked` event means the token no longer stands. */
export async function* jobEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<Job> {
  // TextDecoderStream's DOM typing takes BufferSource, which TypeScript does not accept for a Uint8Array.
  const decoder = new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>;
  const events = body.pipeThrough(decoder).pipeThrough(new EventSourceParserStream());
  for await (const event of events as unknown as AsyncIterable<{ event?: string; data: string }>) {
    if (event.event === 'revoked') {
      const { error } = JSON.parse(event.data) as { error: { code: string; message: string } };
      throw new Refusal(error, 401);
    }
    if (event.event === 'job') yield JSON.parse(event.data) as Job;
  }
}

/**
 * Follows a job until it ends, calling `onJob` on every change. If the stream breaks or ends early (a proxy
 * that cuts or buffers it), it polls GET /api/jobs/:id instead; a refusal (404, a revoked token) ends it.
 */
export async function followJob(client: ApiClient, jobId: string, onJob: (job: Job) => void): Promise<Job> {
  try {
    for await (const job of jobEvents(await client.stream(requests.jobEvents(jobId).path))) {
      onJob(job);
      if (FINAL_STATUSES.has(job.status)) return job;
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
  }
  for (;;) {
    const job = await client.send<Job>(requests.job(jobId));
    onJob(job);
    if (FINAL_STATUSES.has(job.status)) return job;
    await sleep(POLL_MS);
  }
}
