// The shapes of the HTTP API, taken from the types generated from its OpenAPI document (api-schema.ts,
// `npm run openapi`), so they cannot drift from the service; `npm run lint` fails when that file is stale.
import type { components } from './api-schema';

type Schemas = components['schemas'];

export type Env = 'staging' | 'production';
export type Role = Schemas['SiteToken']['role'];

// The one list of promotable types, shared with the service (a plain module: the bundle takes it as is).
export { CONTENT_TYPES, type ContentType } from '../../libs/content-model/src/content-types';
export const isPublishable = (type: string): boolean => type === 'page' || type === 'post';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Me = Schemas['Me'];
export type Site = Schemas['Site'];
export type Counts = Schemas['ChangeCounts'];
export type Change = Schemas['PreviewChange'];
export type Preview = Schemas['Preview'];
/** What a selective promotion names: entities and whole types. */
export interface Selection {
  entities: { type: string; key: string }[];
  types: string[];
}
export type VisualDiff = Schemas['VisualDiff'];
export type VisualDiffPage = Schemas['VisualDiffPage'];
export type LaunchCheck = Schemas['LaunchCheck'];
export type FixedCheck = Schemas['FixedCheck'];
export type Job = Schemas['Job'];
export type PromotionRecord = Schemas['PromotionRecord'];
export type Snapshot = Schemas['Snapshot'];
export type StagingBackup = Schemas['StagingBackup'];
export type ReviewLink = Schemas['ReviewLink'];
export type CreatedReviewLink = Schemas['CreatedReviewLink'];
export type Entity = Schemas['Entity'];
export type AdoptResult = Schemas['AdoptResult'];
export type SiteToken = Schemas['SiteToken'];
export type Webhook = Schemas['Webhook'];
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookEvent = Webhook['events'][number];
export type Approval = Schemas['Approval'];
export type ApprovalList = Schemas['ApprovalList'];
export type OneOffFreezeWindow = Schemas['OneOffFreezeWindow'];
export type WeeklyFreezeWindow = Schemas['WeeklyFreezeWindow'];
export type FreezeWindow = OneOffFreezeWindow | WeeklyFreezeWindow;
export type SmokeCheck = Schemas['SmokeCheck'];

export const isOpen = (job: Pick<Job, 'status'>): boolean => job.status === 'queued' || job.status === 'running';
