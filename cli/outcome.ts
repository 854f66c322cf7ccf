/** What a command ends with, as a CI step sees it: the exit code and the one line that says why. */
export const EXIT = { done: 0, failed: 1, refused: 2 } as const;

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown[];
}

/** The server (a 4xx) or the CLI itself (bad arguments, not logged in) refused the request as asked. */
export class Refusal extends Error {
  constructor(
    readonly error: ApiErrorBody,
    readonly status?: number,
  ) {
    super(`${error.code}: ${error.message}`);
  }
}

/** It was tried and did not work: a job that failed (the job comes along), a network error, a 5xx. */
export class Failure extends Error {
  constructor(
    readonly error: ApiErrorBody,
    readonly job?: { id: string; kind: string },
  ) {
    super(`${error.code}: ${error.message}`);
  }
}

export function exitCodeOf(error: unknown): number {
  return error instanceof Refusal ? EXIT.refused : EXIT.failed;
}

/** `refused: stale_preview — Staging or production changed…`, or `failed: …` for everything else. */
export function errorLine(error: unknown): string {
  if (error instanceof Refusal) return `refused: ${error.error.code} — ${error.error.message}`;
  if (error instanceof Failure)
    return `failed: ${error.error.code} — ${error.error.message}${error.job ? ` (${error.job.kind} ${error.job.id})` : ''}`;
  return `failed: internal_error — ${error instanceof Error ? error.message : String(error)}`;
}

/** The error as `--json` prints it: the API's own error shape, whoever raised it. */
export function errorJson(error: unknown): { error: ApiErrorBody; job?: unknown } {
  if (error instanceof Failure && error.job) return { error: error.error, job: error.job };
  if (error instanceof Refusal || error instanceof Failure) return { error: error.error };
  return { error: { code: 'internal_error', message: error instanceof Error ? error.message : String(error) } };
}
