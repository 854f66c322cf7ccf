import { Refusal } from './outcome';
import { type Selection, selectionQuery } from './selection';

/** How each command's arguments become requests of the public API (API.md), without sending them. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

const seg = encodeURIComponent;
const site = (slug: string) => `/api/sites/${seg(slug)}`;
const page = (cursor: string | null | undefined, limit: number) =>
  `limit=${limit}${cursor ? `&cursor=${seg(cursor)}` : ''}`;

// The API's largest page: fewer round trips when a command reads a whole list.
const PAGE = 500;

export const requests = {
  me: (): ApiRequest => ({ method: 'GET', path: '/api/me' }),
  sites: (cursor?: string | null): ApiRequest => ({ method: 'GET', path: `/api/sites?${page(cursor, PAGE)}` }),
  site: (slug: string): ApiRequest => ({ method: 'GET', path: site(slug) }),
  preview: (slug: string, cursor?: string | null, limit = PAGE, selection?: Selection): ApiRequest => ({
    method: 'GET',
    path: `${site(slug)}/promotion/preview?${page(cursor, limit)}${selectionQuery(selection)}`,
  }),
  promotions: (slug: string, limit: number): ApiRequest => ({
    method: 'GET',
    path: `${site(slug)}/promotions?${page(null, limit)}`,
  }),
  promote: (slug: string, fingerprint: string, options: PromoteOptions): ApiRequest => ({
    method: 'POST',
    path: `${site(slug)}/promotions`,
    body: promotionBody(fingerprint, options),
  }),
  snapshot: (slug: string, label: string): ApiRequest => ({
    method: 'POST',
    path: `${site(slug)}/snapshots`,
    body: { label },
  }),
  restore: (slug: string, snapshotId: string): ApiRequest => ({
    method: 'POST',
    path: `${site(slug)}/snapshots/${seg(snapshotId)}/restore`,
  }),
  undo: (slug: string, promotionId: string): ApiRequest => ({
    method: 'POST',
    path: `${site(slug)}/promotions/${seg(promotionId)}/undo`,
  }),
  job: (id: string): ApiRequest => ({ method: 'GET', path: `/api/jobs/${seg(id)}` }),
  jobEvents: (id: string): ApiRequest => ({ method: 'GET', path: `/api/jobs/${seg(id)}/events` }),
};

export interface PromoteOptions {
  snapshot?: boolean;
  at?: string;
  timeZone?: string;
  note?: string;
  /** Codes of error launch checks to promote over. */
  acknowledgeChecks?: string[];
  /** Only these (and what they need); the fingerprint must be of the same selection's preview. */
  selection?: Selection;
}

/** Only what was asked goes in the body: the server validates `runAt` and `timeZone` (it knows the zones). */
export function promotionBody(fingerprint: string, options: PromoteOptions): Record<string, unknown> {
  if (options.timeZone !== undefined && options.at === undefined)
    throw new Refusal({
      code: 'invalid_arguments',
      message: '--time-zone applies to a scheduled promotion: add --at.',
    });
  return {
    fingerprint,
    ...(options.snapshot ? { snapshot: true } : {}),
    ...(options.at !== undefined ? { runAt: options.at } : {}),
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.note !== undefined ? { note: options.note } : {}),
    ...(options.acknowledgeChecks?.length ? { acknowledgeChecks: options.acknowledgeChecks } : {}),
    ...(options.selection ? { select: options.selection } : {}),
  };
}
