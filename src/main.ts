import 'reflect-metadata';
import * as path from 'node:path';
import { ConfigError, loadConfig, ProcessRole } from './platform/config/config';
import { resolveServices } from './platform/bootstrap/resolve-services';
import { createApp } from './platform/bootstrap/create-app';
import { seedDemoSite } from './seed/seed-demo-site';

const ROLES: Record<ProcessRole, { api: boolean; worker: boolean }> = {
  all: { api: true, worker: true },
  api: { api: true, worker: false },
  worker: { api: false, worker: true },
};

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const resolved = await resolveServices(config);
  const roles = ROLES[config.processRole];
  const app = await createApp(resolved.config, roles).catch(async (error) => {
    await resolved.stopAll();
    throw error;
  });
  await app.listen(config.port);
  const base = `http://localhost:${config.port}`;
  let demo = '';
  if (roles.api && config.seedDemo) {
    const slug = await seedDemoSite(app);
    if (slug) demo = `\n  staging preview: ${base}/preview/${slug}/\n  production site: ${base}/sites/${slug}/`;
  }

  // Plain lines on stderr so a person sees them among the JSON logs on stdout.
  process.stderr.write(
    `\nPromote is up (${config.processRole}) in ${Date.now() - started} ms\n` +
      `  API docs:        ${base}/api/docs\n  health:          ${base}/health${demo}\n` +
      // Never the token itself: these lines end up in terminals, CI logs and log collectors.
      `  admin token:     ${config.adminToken ? 'from ADMIN_TOKEN' : `in ${path.join(config.dataDir, 'admin-token')}`}\n` +
      resolved.services.map((s) => `  using ${s.description}\n`).join('') +
      '\n',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Stop taking jobs, let the running one finish within the grace period; a job cut off harder is
    // taken again by another worker once its lock expires.
    const force = setTimeout(() => {
      process.stderr.write(`Grace period of ${config.shutdownGraceMs} ms ended; exiting with jobs still running.\n`);
      void resolved.stopAll().finally(() => process.exit(1));
    }, config.shutdownGraceMs);
    process.stderr.write(`${signal}: shutting down\n`);
    await app.close();
    await resolved.stopAll();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Promote failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
