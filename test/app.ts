import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '../src/platform/config/config';
import type { RuntimeConfig } from '../src/platform/config/runtime-config';
import { createApp } from '../src/platform/bootstrap/create-app';

/** The environment global-setup prepared for this run, as the service would read it. */
export function testConfig(overrides: Record<string, string> = {}): RuntimeConfig {
  return loadConfig({ ...process.env, ...overrides }) as RuntimeConfig;
}

/** Boots the real application (API and worker in this process unless told otherwise), listening on a free port. */
export async function createTestApp(
  roles: { api: boolean; worker: boolean } = { api: true, worker: true },
  overrides: Record<string, string> = {},
): Promise<NestExpressApplication> {
  const app = await createApp(testConfig(overrides), roles);
  // Listening already: supertest then sends every request to this one server, where an app that only
  // initialised would get a server opened and closed around each request. Chromium and the CLI use its URL.
  await app.listen(0, '127.0.0.1');
  return app;
}

export const adminToken = (): string => process.env.ADMIN_TOKEN!;
export const auth = (token = adminToken()) => ({ Authorization: `Bearer ${token}` });
