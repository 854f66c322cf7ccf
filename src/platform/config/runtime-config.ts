import type { AppConfig } from './config';

/** The configuration once the embedded fallbacks have filled every connection in. */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  redisUrl: string;
  adminToken: string;
  s3: AppConfig['s3'] & { endpoint?: string; accessKeyId: string; secretAccessKey: string };
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');
