import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { CONFIG_VARIABLES, loadConfig } from '../src/platform/config/config';

// Docker does not run on the dev machines, so docker/compose.yml is checked by reading it. js-yaml comes
// with @nestjs/swagger; mergeTag resolves the `<<: *promote-env` merges the way Compose does.
const COMPOSE_FILE = path.join(__dirname, '..', 'docker', 'compose.yml');
const DOCKERFILE = path.join(__dirname, '..', 'docker', 'Dockerfile');

type Service = {
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  ports?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  build?: { context: string; dockerfile: string };
};
type Compose = { 'x-promote-env': Record<string, string>; services: Record<string, Service> };

const compose = load(readFileSync(COMPOSE_FILE, 'utf8'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as Compose;
const configNames = Object.keys(CONFIG_VARIABLES).sort();

/** Compose's own interpolation, for the forms the file uses: ${NAME}, ${NAME:-default}, ${NAME:?error}, $$. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\{(\w+)(?::([-?])([^}]*))?\}/g, (match, name?: string, op?: string, arg?: string) => {
    if (match === '$$') return '$';
    const set = env[name!];
    if (set) return set;
    if (op === '?') throw new Error(`compose would stop: ${arg}`);
    return op === '-' ? arg! : '';
  });
}

function environmentOf(service: string): Record<string, string> {
  const environment = compose.services[service]?.environment;
  if (!environment) throw new Error(`docker/compose.yml has no environment for ${service}`);
  return environment;
}

/** "45s", "1m30s", "500ms" as milliseconds. */
function durationMs(value: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...value.matchAll(/(\d+)(ms|s|m|h)/g)];
  if (parts.map((p) => p[0]).join('') !== value) throw new Error(`not a duration: ${value}`);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
}

describe('docker/compose.yml', () => {
  it('sets exactly the variables src/platform/config/config.ts reads, in the shared block and in each service', () => {
    expect(Object.keys(compose['x-promote-env']).sort()).toEqual(configNames);
    expect(Object.keys(environmentOf('api')).sort()).toEqual(configNames);
    expect(Object.keys(environmentOf('worker')).sort()).toEqual(configNames);
  });

  it('gives each service its role, and the worker two replicas without a published port', () => {
    expect(environmentOf('api').PROCESS_ROLE).toBe('api');
    expect(environmentOf('worker').PROCESS_ROLE).toBe('worker');
    expect(compose.services.worker.deploy?.replicas).toBe(2);
    expect(compose.services.worker.ports).toBeUndefined();
    expect(compose.services.api.ports).toContain(`${environmentOf('api').PORT}:${environmentOf('api').PORT}`);
  });

  it('holds values the config parsers accept once Compose has interpolated them', () => {
    const host = { ADMIN_TOKEN: 'a-token-of-at-least-16-chars' };
    for (const service of ['api', 'worker']) {
      const env = Object.fromEntries(
        Object.entries(environmentOf(service)).map(([name, value]) => [name, interpolate(String(value), host)]),
      );
      const config = loadConfig(env);
      expect(config.processRole).toBe(service);
      expect(config.adminToken).toBe(host.ADMIN_TOKEN);
      expect(config.s3.endpoint).toBe('http://minio:9000');
    }
  });

  it('refuses to start without ADMIN_TOKEN instead of running with a generated one per container', () => {
    expect(() => interpolate(environmentOf('api').ADMIN_TOKEN, {})).toThrow(/compose would stop: set ADMIN_TOKEN/);
  });

  it('lets a job finish within SHUTDOWN_GRACE_MS before Docker kills the container', () => {
    for (const service of ['api', 'worker']) {
      const grace = Number(environmentOf(service).SHUTDOWN_GRACE_MS);
      expect(durationMs(compose.services[service].stop_grace_period ?? '10s')).toBeGreaterThan(grace);
    }
  });

  it('health-checks api and workers, and starts them only once their dependencies are ready', () => {
    for (const service of ['api', 'worker']) {
      const { healthcheck, depends_on: dependsOn, build } = compose.services[service];
      expect(healthcheck?.test?.join(' ')).toContain('/health');
      expect(build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
      expect(dependsOn).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        minio: { condition: 'service_healthy' },
        'minio-init': { condition: 'service_completed_successfully' },
      });
    }
  });

  it('gives MinIO and its bucket job the same credentials and buckets as the app', () => {
    const app = compose['x-promote-env'];
    const minio = compose.services.minio.environment!;
    const init = compose.services['minio-init'].environment!;
    expect([minio.MINIO_ROOT_USER, minio.MINIO_ROOT_PASSWORD]).toEqual([
      app.S3_ACCESS_KEY_ID,
      app.S3_SECRET_ACCESS_KEY,
    ]);
    expect([init.ACCESS_KEY, init.SECRET_KEY]).toEqual([app.S3_ACCESS_KEY_ID, app.S3_SECRET_ACCESS_KEY]);
    expect([init.STAGING_BUCKET, init.PRODUCTION_BUCKET]).toEqual([app.S3_BUCKET_STAGING, app.S3_BUCKET_PRODUCTION]);
  });
});

describe('docker/Dockerfile', () => {
  it('starts the file nest build writes (nest-cli.json entryFile)', () => {
    const nestCli = JSON.parse(readFileSync(path.join(__dirname, '..', 'nest-cli.json'), 'utf8'));
    const dockerfile = readFileSync(DOCKERFILE, 'utf8');
    expect(dockerfile).toContain(`CMD ["node", "dist/${nestCli.entryFile}.js"]`);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
  });

  it('runs on the Node major that package.json pins, the one the tests run on', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    const pinned = /^\^(\d+)\./.exec(pkg.dependencies.node)?.[1];
    expect(pinned).toMatch(/^\d+$/);
    expect({
      docker: /^ARG NODE_VERSION=(\d+)$/m.exec(readFileSync(DOCKERFILE, 'utf8'))?.[1],
      engines: pkg.engines.node,
      tests: process.versions.node.split('.')[0],
    }).toEqual({ docker: pinned, engines: `>=${pinned}`, tests: pinned });
  });
});
