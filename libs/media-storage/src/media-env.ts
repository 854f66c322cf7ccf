export type MediaEnv = 'staging' | 'production';

export interface MediaBuckets {
  staging: string;
  production: string;
}
