import type { ContentType } from '../../content-model';

export interface SiteEntity {
  type: ContentType;
  key: string;
  data: Record<string, any>;
}
