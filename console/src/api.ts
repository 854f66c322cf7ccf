import type {
  Approval,
  ApprovalList,
  AdoptResult,
  ContentType,
  CreatedReviewLink,
  Entity,
  Env,
  FreezeWindow,
  SmokeCheck,
  Job,
  Me,
  Page,
  FixedCheck,
  Preview,
  PromotionRecord,
  Selection,
  ReviewLink,
  Site,
  SiteToken,
  Snapshot,
  StagingBackup,
  VisualDiff,
  CreatedWebhook,
  Webhook,
  WebhookDelivery,
  WebhookEvent,
} from './types';

/** An answer of the API that was not a success: `{"error": {code, message, details}}`, with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }

  /** Validation problems as the API names them, e.g. `{path: "data.blocks[0].text", message: "…"}`. */
  get fieldErrors(): { path: string; message: string }[] {
    return this.details.filter(
      (d): d is { path: string; message: string } =>
        typeof d === 'object' && d !== null && typeof (d as { path?: unknown }).path === 'string',
    );
  }
}

const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined | null>): string => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

/** Typed calls of the HTTP API with one site or admin token; every failure becomes an ApiError. */
export class Api {
  constructor(readonly token: string) {}

  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        signal,
        headers: {
          Authorization: `Bearer ${this.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network_error', 'The service cannot be reached. Check your connection and try again.');
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // A proxy's HTML error page, for instance: reported below with the status.
    }
    if (response.ok) return parsed as T;
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown[] } })?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `The service answered ${response.status} ${response.statusText}.`,
      Array.isArray(error?.details) ? error.details : [],
    );
  }

  private site(slug: string): string {
    return `/api/sites/${enc(slug)}`;
  }

  listSites = (cursor?: string) => this.request<Page<Site>>('GET', `/api/sites${query({ cursor, limit: 100 })}`);
  getSite = (slug: string) => this.request<Site>('GET', this.site(slug));
  updateSite = (
    slug: string,
    body: {
      trustedCustomCode?: boolean;
      requiredApprovals?: number;
      freezeWindows?: FreezeWindow[];
      smokeChecks?: SmokeCheck[];
    },
  ) => this.request<Site>('PATCH', this.site(slug), body);

  /** Who this token is: the admin, or a site token with its role and site. */
  me = () => this.request<Me>('GET', '/api/me');

  listTokens = (slug: string) => this.request<{ items: SiteToken[] }>('GET', `${this.site(slug)}/tokens`);

  preview = (slug: string, params: { type?: string; cursor?: string; limit?: number } = {}) =>
    this.request<Preview>('GET', `${this.site(slug)}/promotion/preview${query(params)}`);
  /** The preview of promoting only `select` (with what it needs): POST, as a selection may be long. */
  previewSelection = (slug: string, select: Selection, params: { limit?: number } = {}) =>
    this.request<Preview>('POST', `${this.site(slug)}/promotion/preview`, { select, ...params });
  /**
   * The preview's visual diff; the first call queues the rendering, later ones say how far it got. A selective
   * preview's (its fingerprint and selection, POSTed as a selection may be long) compares its candidate.
   */
  visualDiff = (slug: string, fingerprint: string, select?: Selection) =>
    select
      ? this.request<VisualDiff>('POST', `${this.site(slug)}/promotion/preview/visual`, { fingerprint, select })
      : this.request<VisualDiff>('GET', `${this.site(slug)}/promotion/preview/visual${query({ fingerprint })}`);
  /** A visual diff PNG (an <img> cannot send the token), as an object URL the caller revokes. */
  imageUrl = async (path: string, signal?: AbortSignal): Promise<string> => {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${this.token}` }, signal });
    if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, 'The image could not be loaded.');
    return URL.createObjectURL(await response.blob());
  };
  approvals = (slug: string) => this.request<ApprovalList>('GET', `${this.site(slug)}/promotion/approvals`);
  approve = (slug: string, body: { fingerprint: string; comment?: string }) =>
    this.request<Approval>('POST', `${this.site(slug)}/promotion/approvals`, body);
  /** Now, or at `runAt` (a local date-time in `timeZone`): a scheduled promotion of the state reviewed. */
  promote = (
    slug: string,
    body: {
      fingerprint: string;
      snapshot: boolean;
      note?: string;
      override?: string;
      acknowledgeDrift?: boolean;
      acknowledgeChecks?: string[];
      runAt?: string;
      timeZone?: string;
      select?: Selection;
    },
  ) => this.request<Job>('POST', `${this.site(slug)}/promotions`, body);
  /** Writes a launch check's fix (a 301) into staging. */
  fixCheck = (slug: string, check: { code: string; type: string; key: string }) =>
    this.request<FixedCheck>('POST', `${this.site(slug)}/promotion/checks/fix`, check);
  promotions = (slug: string, limit = 10, status?: Job['status']) =>
    this.request<Page<PromotionRecord>>('GET', `${this.site(slug)}/promotions${query({ limit, status })}`);
  undoPromotion = (slug: string, id: string) =>
    this.request<Job>('POST', `${this.site(slug)}/promotions/${enc(id)}/undo`);
  cancelJob = (id: string) => this.request<Job>('POST', `/api/jobs/${enc(id)}/cancel`);
  getJob = (id: string) => this.request<Job>('GET', `/api/jobs/${enc(id)}`);

  listSnapshots = (slug: string, cursor?: string) =>
    this.request<Page<Snapshot>>('GET', `${this.site(slug)}/snapshots${query({ cursor, limit: 20 })}`);
  createSnapshot = (slug: string, label: string) =>
    this.request<Snapshot>('POST', `${this.site(slug)}/snapshots`, { label });
  restoreSnapshot = (slug: string, id: string) =>
    this.request<Job>('POST', `${this.site(slug)}/snapshots/${enc(id)}/restore`);
  /** These entities of production back to the snapshot, with what they need that production lacks. */
  revertToSnapshot = (slug: string, id: string, entities: { type: string; key: string }[]) =>
    this.request<Job>('POST', `${this.site(slug)}/snapshots/${enc(id)}/revert`, { entities });
  deleteSnapshot = (slug: string, id: string) =>
    this.request<void>('DELETE', `${this.site(slug)}/snapshots/${enc(id)}`);

  /** With a snapshot, staging becomes its content instead of production's (a rehearsed restore). */
  resetStaging = (slug: string, confirm: string, fromSnapshot?: string) =>
    this.request<Job>('POST', `${this.site(slug)}/staging/reset`, { confirm, fromSnapshot });
  listBackups = (slug: string) =>
    this.request<Page<StagingBackup>>('GET', `${this.site(slug)}/staging/backups${query({ limit: 20 })}`);
  restoreBackup = (slug: string, id: string) =>
    this.request<Job>('POST', `${this.site(slug)}/staging/backups/${enc(id)}/restore`);

  listReviewLinks = (slug: string) => this.request<{ items: ReviewLink[] }>('GET', `${this.site(slug)}/review-links`);
  createReviewLink = (slug: string, body: { expiresInHours: number; label?: string }) =>
    this.request<CreatedReviewLink>('POST', `${this.site(slug)}/review-links`, body);
  revokeReviewLink = (slug: string, id: string) =>
    this.request<void>('DELETE', `${this.site(slug)}/review-links/${enc(id)}`);

  listWebhooks = (slug: string) => this.request<{ items: Webhook[] }>('GET', `${this.site(slug)}/webhooks`);
  createWebhook = (slug: string, body: { url: string; events: WebhookEvent[]; secret?: string }) =>
    this.request<CreatedWebhook>('POST', `${this.site(slug)}/webhooks`, body);
  deleteWebhook = (slug: string, id: string) => this.request<void>('DELETE', `${this.site(slug)}/webhooks/${enc(id)}`);
  webhookDeliveries = (slug: string, id: string, cursor?: string) =>
    this.request<Page<WebhookDelivery>>(
      'GET',
      `${this.site(slug)}/webhooks/${enc(id)}/deliveries${query({ cursor, limit: 20 })}`,
    );

  listContent = (slug: string, env: Env, type: ContentType, cursor?: string) =>
    this.request<Page<Entity>>('GET', `${this.site(slug)}/${env}/content/${type}${query({ cursor, limit: 50 })}`);
  getContent = (slug: string, env: Env, type: ContentType, key: string) =>
    this.request<Entity>('GET', `${this.site(slug)}/${env}/content/${type}/${enc(key)}`);
  /** The entity, or null when this environment does not have it. */
  findContent = (slug: string, env: Env, type: ContentType, key: string) =>
    this.getContent(slug, env, type, key).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    });
  putContent = (slug: string, type: ContentType, key: string, data: unknown) =>
    this.request<Entity>('PUT', `${this.site(slug)}/staging/content/${type}/${enc(key)}`, { data });
  deleteContent = (slug: string, type: ContentType, key: string) =>
    this.request<void>('DELETE', `${this.site(slug)}/staging/content/${type}/${enc(key)}`);
  /** Keep production's version of one entity in staging (its answer to drift). */
  adopt = (slug: string, type: ContentType, key: string) =>
    this.request<AdoptResult>('POST', `${this.site(slug)}/staging/adopt`, { type, key });
  setPublished = (slug: string, type: ContentType, key: string, published: boolean) =>
    this.request<Entity>(
      'POST',
      `${this.site(slug)}/staging/content/${type}/${enc(key)}/${published ? 'publish' : 'unpublish'}`,
    );

  /** A page of the site as its environment renders it, as HTML text (the staging preview needs the token). */
  async renderedPage(
    slug: string,
    env: Env,
    path: string,
    signal?: AbortSignal,
  ): Promise<{ status: number; html: string }> {
    const mount = env === 'production' ? `/sites/${enc(slug)}` : `/preview/${enc(slug)}`;
    const response = await fetch(mount + path, {
      signal,
      headers: env === 'staging' ? { Authorization: `Bearer ${this.token}` } : {},
    });
    return { status: response.status, html: await response.text() };
  }

  /** A media file's bytes as a data: URL, so a sandboxed preview can show staging's images. */
  async mediaDataUrl(url: string, signal?: AbortSignal): Promise<string | null> {
    const response = await fetch(url, { signal, headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) return null;
    const blob = await response.blob();
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(blob);
    });
  }
}
