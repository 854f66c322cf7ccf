import type { ContentType } from '../../libs/content-model';

export interface StagingEntryRow {
  type: ContentType;
  key: string;
  dataRevisionId: string;
  publishedRevisionId: string | null;
  version: number;
  route: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An entity as the API shows it, in either environment. */
export interface EntityDto {
  type: ContentType;
  key: string;
  data: unknown;
  published?: unknown;
  revision: string;
  publishedRevision?: string | null;
  version: number;
  updatedAt?: Date;
}
