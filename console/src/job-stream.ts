import { type Api, ApiError } from './api';
import { isOpen, type Job } from './types';

/**
 * Follows a job until it ends: GET /api/jobs/:id/events as server-sent events, each `job` event's data a job.
 * EventSource cannot send the Authorization header the API needs, so this reads the stream with fetch() and
 * parses it by hand. If the stream breaks before the job ends, it polls GET /api/jobs/:id instead.
 */
export async function followJob(api: Api, jobId: string, onJob: (job: Job) => void, signal: AbortSignal): Promise<Job> {
  let last: Job | null = null;
  const seen = (job: Job) => {
    last = job;
    onJob(job);
  };
  try {
    const response = await fetch(`/api/jobs/${encodeURIComponent(jobId)}/events`, {
      signal,
      headers: { Authorization: `Bearer ${api.token}`, Accept: 'text/event-stream' },
    });
    if (!response.ok || !response.body) throw new ApiError(response.status, 'stream_failed', 'No event stream');
    for await (const job of readEvents(response.body)) {
      seen(job);
      if (!isOpen(job)) return job;
    }
  } catch (error) {
    if (signal.aborted) throw error;
    // Falls through to polling: a proxy that buffers or cuts streams must not leave the bar stuck.
  }
  for (;;) {
    const job = await api.getJob(jobId);
    seen(job);
    if (!isOpen(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (signal.aborted) return last ?? job;
  }
}

/** The `data:` payloads of a text/event-stream body, parsed as JSON, one per event. */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<Job> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      // Events end with a blank line; a chunk may hold several events or part of one.
      let end: RegExpExecArray | null;
      while ((end = /\r?\n\r?\n/.exec(buffer))) {
        const block = buffer.slice(0, end.index);
        buffer = buffer.slice(end.index + end[0].length);
        const lines = block.split(/\r?\n/);
        const type =
          lines
            .find((line) => line.startsWith('event:'))
            ?.slice(6)
            .trim() ?? 'message';
        const data = lines
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        // `revoked`: the token no longer stands; the polling fallback then reports the 401 like any call.
        if (type === 'revoked') throw new ApiError(401, 'unauthenticated', 'The token was revoked.');
        if (data && type === 'job') yield JSON.parse(data) as Job;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
