import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '../config/config';
import type { RuntimeConfig } from '../config/runtime-config';
import { ensurePostgres } from './embedded-postgres';
import { ensureRedis } from './embedded-redis';
import { S3RVER_CREDENTIALS, startEmbeddedS3 } from './embedded-s3';
import type { LocalService } from './local-service';

export interface ResolvedServices {
  config: RuntimeConfig;
  services: LocalService[];
  stopAll(): Promise<void>;
}

/** Fills every connection the environment left unset with a local or embedded service. */
export async function resolveServices(config: AppConfig): Promise<ResolvedServices> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const services: LocalService[] = [];
  const stopAll = async () => {
    for (const service of services.reverse()) await service.stop().catch(() => {});
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const pg = await ensurePostgres(config.dataDir, 'promote');
      services.push(pg);
      databaseUrl = pg.url;
    }
    let redisUrl = config.redisUrl;
    if (!redisUrl) {
      const redis = await ensureRedis(config.dataDir);
      services.push(redis);
      redisUrl = redis.url;
    }
    let s3 = config.s3 as RuntimeConfig['s3'];
    if (!config.s3.endpoint) {
      const server = await startEmbeddedS3(path.join(config.dataDir, 's3'), Object.values(config.s3.buckets));
      services.push(server);
      s3 = { ...config.s3, endpoint: server.endpoint, ...S3RVER_CREDENTIALS };
    } else if (!s3.accessKeyId || !s3.secretAccessKey) {
      throw new Error('S3 credentials are required with S3_ENDPOINT');
    }
    const adminToken = config.adminToken ?? readOrCreateAdminToken(config.dataDir);
    return { config: { ...config, databaseUrl, redisUrl, s3, adminToken }, services, stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function readOrCreateAdminToken(dataDir: string): string {
  const file = path.join(dataDir, 'admin-token');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const token = `adm_${randomBytes(24).toString('base64url')}`;
  fs.writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}
