import * as path from 'node:path';

export type ProcessRole = 'api' | 'worker' | 'all';

export interface StateDeltaPolicy {
  maxDepth: number;
  maxPercent: number;
  /** A base smaller than this counts as this many entities for `maxPercent` (tests lower it; default 1,000). */
  smallBase?: number;
}

/** A job's failpoint, `<job>:<step>`; with a site, only that site's job stops there. */
export interface CrashPoint {
  point: string;
  siteId?: string;
}

export interface AppConfig {
  databaseUrl?: string;
  /** A streaming replica of DATABASE_URL the public site reads immutable states from; unset: the primary. */
  databaseReadUrl?: string;
  redisUrl?: string;
  redisPrefix: string;
  s3: {
    endpoint?: string;
    region: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    buckets: { staging: string; production: string };
  };
  port: number;
  adminToken?: string;
  processRole: ProcessRole;
  dataDir: string;
  mediaMaxBytes: number;
  /** How long after a swap a visitor holding the previous page still gets that page's media (skew protection). */
  skewGraceMinutes: number;
  shutdownGraceMs: number;
  logLevel: string;
  seedDemo: boolean;
  /** Crash tests only: where jobs stop, the process killing itself (SIGKILL) once all have (crash-points.ts). */
  crashAt?: CrashPoint[];
  /** Cross-node tests only: this node handles site events (pub/sub) this long after they arrive. */
  siteEventsDelayMs: number;
  /**
   * How a new production state is stored: its parent plus the rows that differ, until the chain would pass
   * `maxDepth` deltas or its deltas `maxPercent` of the full base's entities; then as a full manifest (compacted).
   * `maxDepth` 0 stores every state whole (the path before delta states, kept for comparison).
   */
  stateDeltas: StateDeltaPolicy;
  webhooks: {
    /** Deliver to private, loopback and link-local addresses too (tests, a receiver on the same network). */
    allowPrivateAddresses: boolean;
    /** The first retry's delay; each later one doubles it. */
    retryBaseMs: number;
  };
  visualDiff: {
    /** The Chromium binary to render with; where it is missing the visual diff answers `unavailable`. */
    chromiumPath: string;
    /** Where the public site is rendered from; unset: this process's own HTTP server (api role). */
    baseUrl?: string;
    /** Pages rendered at once per worker process (all in one browser). */
    concurrency: number;
    pageTimeoutMs: number;
    /** Changed pages compared per preview; the rest are listed as not compared. */
    maxPages: number;
  };
}

/** A configuration value that is missing or malformed; its message is the one sentence boot prints. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

// Each variable says what it expects in the sentence boot prints when the value is wrong.
const postgresUrl = (name: string, v: string) => {
  const url = tryUrl(v);
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname)
    throw new ConfigError(`${name} must be a postgres:// URL`);
  return v;
};
const redisUrl = (name: string, v: string) => {
  const url = tryUrl(v);
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || !url.hostname)
    throw new ConfigError(`${name} must be a redis:// URL`);
  return v;
};
const httpUrl = (name: string, v: string) => {
  const url = tryUrl(v);
  if (!url || !['http:', 'https:'].includes(url.protocol)) throw new ConfigError(`${name} must be an http(s):// URL`);
  return v.replace(/\/$/, '');
};
const bucketName = (name: string, v: string) => {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v))
    throw new ConfigError(`${name} must be an S3 bucket name (3-63 lowercase letters, digits, dots or hyphens)`);
  return v;
};
const integer = (min: number, max: number) => (name: string, v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}`);
  return n;
};
const oneOf =
  <T extends string>(...values: T[]) =>
  (name: string, v: string) => {
    if (!values.includes(v as T)) throw new ConfigError(`${name} must be one of ${values.join(', ')}`);
    return v as T;
  };
const nonEmpty = (name: string, v: string) => {
  if (!v.trim()) throw new ConfigError(`${name} must not be empty`);
  return v;
};
const token = (name: string, v: string) => {
  if (v.length < 16 || /\s/.test(v)) throw new ConfigError(`${name} must be at least 16 characters with no spaces`);
  return v;
};
const prefix = (name: string, v: string) => {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(v))
    throw new ConfigError(`${name} must be 1-64 letters, digits, dots, dashes or underscores`);
  return v;
};
const CRASH_POINT = /^[a-z_-]+:[a-z_-]+(@[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;
const crashPoints = (name: string, v: string): CrashPoint[] =>
  v.split(',').map((entry) => {
    if (!CRASH_POINT.test(entry))
      throw new ConfigError(`${name} must list <job>:<step> or <job>:<step>@<site id>, e.g. promotion:swap`);
    const [point, siteId] = entry.split('@');
    return siteId ? { point, siteId } : { point };
  });
const bool = (name: string, v: string) => {
  if (!['true', 'false', '1', '0'].includes(v)) throw new ConfigError(`${name} must be true or false`);
  return v === 'true' || v === '1';
};

/** Every variable the service reads, with its parser; the compose file is checked against these names. */
export const CONFIG_VARIABLES = {
  DATABASE_URL: postgresUrl,
  DATABASE_READ_URL: postgresUrl,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: prefix,
  S3_ENDPOINT: httpUrl,
  S3_REGION: nonEmpty,
  S3_ACCESS_KEY_ID: nonEmpty,
  S3_SECRET_ACCESS_KEY: nonEmpty,
  S3_BUCKET_STAGING: bucketName,
  S3_BUCKET_PRODUCTION: bucketName,
  PORT: integer(1, 65535),
  ADMIN_TOKEN: token,
  PROCESS_ROLE: oneOf<ProcessRole>('api', 'worker', 'all'),
  DATA_DIR: nonEmpty,
  MEDIA_MAX_BYTES: integer(1, 5 * 1024 ** 3),
  SKEW_GRACE_MINUTES: integer(0, 10_080),
  SHUTDOWN_GRACE_MS: integer(0, 3_600_000),
  LOG_LEVEL: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  SEED_DEMO: bool,
  CRASH_AT: crashPoints,
  SITE_EVENTS_DELAY_MS: integer(0, 600_000),
  STATE_DELTA_MAX_DEPTH: integer(0, 64),
  STATE_DELTA_MAX_PERCENT: integer(1, 100),
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: bool,
  WEBHOOK_RETRY_BASE_MS: integer(1, 3_600_000),
  VISUAL_DIFF_CHROMIUM: nonEmpty,
  VISUAL_DIFF_BASE_URL: httpUrl,
  VISUAL_DIFF_CONCURRENCY: integer(1, 16),
  VISUAL_DIFF_PAGE_TIMEOUT_MS: integer(1000, 300_000),
  VISUAL_DIFF_MAX_PAGES: integer(1, 1000),
} as const;

type Parsed = { [K in keyof typeof CONFIG_VARIABLES]?: ReturnType<(typeof CONFIG_VARIABLES)[K]> };

/** Reads and validates the environment once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const v: Parsed = {};
  for (const [name, parse] of Object.entries(CONFIG_VARIABLES)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    (v as Record<string, unknown>)[name] = (parse as (n: string, r: string) => unknown)(name, raw);
  }
  if (v.S3_ENDPOINT && (!v.S3_ACCESS_KEY_ID || !v.S3_SECRET_ACCESS_KEY))
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set when S3_ENDPOINT is set');
  const buckets = {
    staging: v.S3_BUCKET_STAGING ?? 'promote-staging',
    production: v.S3_BUCKET_PRODUCTION ?? 'promote-production',
  };
  if (v.DATABASE_READ_URL && !v.DATABASE_URL)
    throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: a replica of the embedded database cannot exist');
  if (buckets.staging === buckets.production)
    throw new ConfigError('S3_BUCKET_STAGING and S3_BUCKET_PRODUCTION must name two different buckets');
  return {
    databaseUrl: v.DATABASE_URL,
    databaseReadUrl: v.DATABASE_READ_URL,
    redisUrl: v.REDIS_URL,
    redisPrefix: v.REDIS_PREFIX ?? 'promote',
    s3: {
      endpoint: v.S3_ENDPOINT,
      region: v.S3_REGION ?? 'us-east-1',
      accessKeyId: v.S3_ACCESS_KEY_ID,
      secretAccessKey: v.S3_SECRET_ACCESS_KEY,
      buckets,
    },
    port: v.PORT ?? 3000,
    adminToken: v.ADMIN_TOKEN,
    processRole: v.PROCESS_ROLE ?? 'all',
    dataDir: path.resolve(v.DATA_DIR ?? '.data'),
    mediaMaxBytes: v.MEDIA_MAX_BYTES ?? 50 * 1024 * 1024,
    skewGraceMinutes: v.SKEW_GRACE_MINUTES ?? 60,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS ?? 30_000,
    logLevel: v.LOG_LEVEL ?? 'info',
    seedDemo: v.SEED_DEMO ?? true,
    crashAt: v.CRASH_AT,
    siteEventsDelayMs: v.SITE_EVENTS_DELAY_MS ?? 0,
    stateDeltas: { maxDepth: v.STATE_DELTA_MAX_DEPTH ?? 8, maxPercent: v.STATE_DELTA_MAX_PERCENT ?? 25 },
    webhooks: {
      allowPrivateAddresses: v.WEBHOOK_ALLOW_PRIVATE_ADDRESSES ?? false,
      retryBaseMs: v.WEBHOOK_RETRY_BASE_MS ?? 30_000,
    },
    visualDiff: {
      chromiumPath: v.VISUAL_DIFF_CHROMIUM ?? '/usr/bin/chromium',
      baseUrl: v.VISUAL_DIFF_BASE_URL,
      concurrency: v.VISUAL_DIFF_CONCURRENCY ?? 2,
      pageTimeoutMs: v.VISUAL_DIFF_PAGE_TIMEOUT_MS ?? 20_000,
      maxPages: v.VISUAL_DIFF_MAX_PAGES ?? 50,
    },
  };
}

function tryUrl(v: string): URL | null {
  try {
    return new URL(v);
  } catch {
    return null;
  }
}
