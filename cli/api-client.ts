import { type ApiErrorBody, Failure, Refusal } from './outcome';
import type { ApiRequest } from './requests';

export interface Connection {
  url: string;
  token: string;
}

// A request that hangs this long is a failure a pipeline should see, not a step that never ends.
const REQUEST_TIMEOUT_MS = 60_000;

/** An HTTP client of the public API: JSON in and out, and every answer that is not a 2xx as an error. */
export class ApiClient {
  constructor(private readonly connection: Connection) {}

  async send<T>(request: ApiRequest): Promise<T> {
    const response = await this.fetch(request.path, {
      method: request.method,
      headers: {
        ...this.headers(),
        ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : null) as T;
    throw errorFromResponse(response.status, text);
  }

  /** Opens a server-sent event stream; a refusal to open it is thrown like any other answer. */
  async stream(path: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const response = await this.fetch(path, {
      headers: { ...this.headers(), Accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok || !response.body) throw errorFromResponse(response.status, await response.text());
    return response.body;
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.connection.token}`, Accept: 'application/json' };
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.connection.url}${path}`, init);
    } catch (error) {
      throw networkFailure(this.connection.url, error);
    }
  }
}

/** A 4xx is a refusal with the API's own code; anything else that is not a 2xx is a failure. */
export function errorFromResponse(status: number, text: string): Refusal | Failure {
  const error = parseErrorBody(text) ?? {
    code: status >= 500 ? 'server_error' : `http_${status}`,
    message: `The server answered ${status}.`,
  };
  return status >= 400 && status < 500 ? new Refusal(error, status) : new Failure(error);
}

function parseErrorBody(text: string): ApiErrorBody | null {
  try {
    const error = (JSON.parse(text) as { error?: ApiErrorBody }).error;
    return typeof error?.code === 'string' && typeof error.message === 'string' ? error : null;
  } catch {
    return null;
  }
}

/** fetch() rejects with a TypeError whose cause names the socket error (ECONNREFUSED, ENOTFOUND…). */
export function networkFailure(url: string, error: unknown): Failure {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const timedOut = (error as { name?: string })?.name === 'TimeoutError';
  const why = timedOut ? 'no answer in time' : (cause?.code ?? cause?.message ?? (error as Error)?.message);
  return new Failure({ code: 'network_error', message: `Could not reach ${url} (${why}).` });
}
